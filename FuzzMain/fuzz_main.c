// The fuzz executable's entry point. SwiftPM links an executable's `main` to `<module>_main`; here
// that hands over to libFuzzer's driver with the Swift callback (Fuzz/main.swift).
#include <stddef.h>
#include <stdint.h>
#include "fuzz_main.h"

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int kansrijk_fuzz_main(int argc, char **argv) {
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
