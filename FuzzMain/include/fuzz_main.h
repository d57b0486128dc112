int kansrijk_fuzz_main(int argc, char **argv);
