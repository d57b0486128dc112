#include "KansrijkSQLiteConfig.h"

// SQLiteNIO's vendored SQLite (module VaporCSQLite) prefixes every symbol with sqlite_nio_.
extern int sqlite_nio_sqlite3_db_config(void *db, int op, ...);

#define SQLITE_DBCONFIG_ENABLE_QPSG 1007

int kansrijk_sqlite_enable_qpsg(void *db) {
    int enabled = 0;
    return sqlite_nio_sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_QPSG, 1, &enabled);
}
