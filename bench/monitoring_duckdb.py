"""The DuckDB side of bench/monitoring.sh: the same aggregation on the same births CSV.

Reads the extract (';', ',' decimals), maps former municipalities onto today's, counts the eight
birth data elements per year x area (municipality, GGD region, province, NL) x cell (total and
every breakdown value), and computes the four Perined indicators with a Wilson 95% interval and
primary suppression. Prints the wall time of the whole query, result materialised.
"""
import sys
import time

import duckdb

births, areas = sys.argv[1], sys.argv[2]
con = duckdb.connect()
start = time.perf_counter()
con.execute(f"""
CREATE TEMP TABLE areas AS SELECT * FROM read_csv('{areas}', delim=';', header=true, all_varchar=true);
CREATE TEMP TABLE r AS
SELECT b.jaar, a.huidig, a.ggd, a.provincie,
       coalesce(CAST(b.kwetsbaar AS VARCHAR), 'onbekend') AS kw,
       coalesce(CAST(b.inkomen_kwintiel AS VARCHAR), 'onbekend') AS ik,
       coalesce(b.opleiding, 'onbekend') AS op,
       (b.amww >= 24)::INT AS ge24,
       (b.amww >= 24 AND b.amww < 37)::INT AS vroeg,
       (b.amww >= 24 AND b.hoftiezer < 10)::INT AS laag,
       (b.amww >= 24 AND (b.amww < 37 OR b.hoftiezer < 10))::INT AS big2,
       (b.amww >= 24 AND b.amddd1ond IS NOT NULL)::INT AS bekend,
       (b.amww >= 24 AND b.amddd1ond > 70)::INT AS na70,
       (b.amww >= 24 AND b.amddd1ond IS NULL)::INT AS onbekend,
       b.levend
FROM read_csv('{births}', delim=';', decimal_separator=',', header=true,
              columns={{'jaar': 'INT', 'gemeente': 'VARCHAR', 'amww': 'INT', 'amdd': 'INT', 'hoftiezer': 'DOUBLE',
                        'pariteit': 'INT', 'levend': 'INT', 'amddd1ond': 'INT', 'kwetsbaar': 'INT',
                        'inkomen_kwintiel': 'INT', 'opleiding': 'VARCHAR'}}) b
JOIN areas a ON a.gemeente = b.gemeente;
CREATE TEMP TABLE counts AS
SELECT jaar, coalesce(huidig, ggd, provincie, 'NL01') AS gebied, kw, ik, op,
       sum(ge24) ge24, sum(vroeg) vroeg, sum(laag) laag, sum(big2) big2,
       sum(bekend) bekend, sum(na70) na70, sum(onbekend) onbekend, sum(levend) levend
FROM r
GROUP BY GROUPING SETS (
  (jaar, huidig), (jaar, huidig, kw), (jaar, huidig, ik), (jaar, huidig, op),
  (jaar, ggd), (jaar, ggd, kw), (jaar, ggd, ik), (jaar, ggd, op),
  (jaar, provincie), (jaar, provincie, kw), (jaar, provincie, ik), (jaar, provincie, op),
  (jaar), (jaar, kw), (jaar, ik), (jaar, op));
""")
indicators = [("big2", "big2", "ge24"), ("vroeggeboorte", "vroeg", "ge24"), ("laag_gewicht", "laag", "ge24"), ("zorg_na_week_10", "na70", "bekend")]
selects = []
for code, n, d in indicators:
    selects.append(f"""
SELECT '{code}' AS indicator, jaar, gebied, kw, ik, op, {n} AS teller, {d} AS noemer,
       100.0 * {n} / nullif({d}, 0) AS waarde,
       100.0 * ((({n})::DOUBLE / {d} + 3.8415 / (2 * {d})) - 1.96 * sqrt((({n})::DOUBLE / {d}) * (1 - ({n})::DOUBLE / {d}) / {d} + 3.8415 / (4.0 * {d} * {d}))) / (1 + 3.8415 / {d}) AS laag95,
       100.0 * ((({n})::DOUBLE / {d} + 3.8415 / (2 * {d})) + 1.96 * sqrt((({n})::DOUBLE / {d}) * (1 - ({n})::DOUBLE / {d}) / {d} + 3.8415 / (4.0 * {d} * {d}))) / (1 + 3.8415 / {d}) AS hoog95,
       ({n} < 10 OR {d} < 10 OR {d} - {n} < 10) AS onderdrukt
FROM counts WHERE {d} > 0""")
rows = con.execute(" UNION ALL ".join(selects)).fetchall()
elapsed = time.perf_counter() - start
threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
print(f"duckdb_s={elapsed:.3f} figures={len(rows)} threads={threads}")
