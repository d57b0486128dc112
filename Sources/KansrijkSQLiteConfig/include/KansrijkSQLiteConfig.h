#ifndef KANSRIJK_SQLITE_CONFIG_H
#define KANSRIJK_SQLITE_CONFIG_H

/// Turns on SQLite's query planner stability guarantee (SQLITE_DBCONFIG_ENABLE_QPSG) for the
/// connection `db` of SQLiteNIO's SQLite: plans then never depend on bound values, so a kept
/// prepared statement is not prepared again when its parameters are bound anew. Swift cannot call
/// the variadic `sqlite3_db_config`, hence this C function. Returns SQLite's result code.
int kansrijk_sqlite_enable_qpsg(void *db);

#endif
