"""Search measured uncached: each query's first page rendered in-process with the query's
results not in any cache, as for every new query a reader types.

`python -m bench.searches RUNS` measures with the app of the current environment and prints the
results as JSON: the benchmark runs it once per database, each in a fresh process, as a served
worker serves one database (measured in one process after the other, the second engine's
latencies carried the first one's heap and caches)."""

import json
import statistics
import sys
import time

from sqlalchemy import func, select

from .data import NO_HIT, RARE

#: (name, language, query): what the benchmark searches for.
SEARCHES = (
    ("common Russian word", "ru", "заявление"),
    ("rare Russian word", "ru", RARE["ru"].removesuffix("а")),
    ("Russian phrase", "ru", '"железная дорога"'),
    ("no hits (and the other language asked)", "ru", NO_HIT["ru"]),
    ("English words", "en", "maritime treaty"),
    ("English phrase", "en", '"maritime safety"'),
)


def percentile(times: list[float], share: int) -> float:
    """Return the `share`th percentile of `times` (nearest rank)."""
    ordered = sorted(times)
    return ordered[max(0, -(-len(ordered) * share // 100) - 1)]


def matching_texts(lang: str, words: str) -> int:
    """Return how many public texts match `words` (in an app context)."""
    from pressroom import analysis, search
    from pressroom.extensions import db

    filters = search.Filters()
    kind = search._Search(lang, filters.shape, db.session.get_bind().dialect.name)
    matches = search._candidates(kind).order_by(None).subquery()
    return db.session.execute(
        select(func.count()).select_from(matches),
        search._parameters(analysis.parse(words, lang), filters),
    ).scalar_one()


def search_latencies(runs: int) -> list[dict]:
    """Time the search page for each of SEARCHES `runs` times, every cache emptied before and
    everything but the search warmed again (the content token, the site's settings, the page's
    templates), with the app of the current environment: wall time, and this process's CPU
    time, which other jobs on the machine do not stretch (all of the work on SQLite; without
    the database server's share on PostgreSQL)."""
    from pressroom import create_app
    from pressroom.extensions import cache
    from pressroom.preforking import warm

    app = create_app()
    warm(app)  # as a served worker starts (gunicorn.conf.py)
    client = app.test_client()
    results = []
    for name, lang, words in SEARCHES:
        url = f"/{lang}/search"
        times, cpu = [], []
        for _ in range(runs + 1):
            with app.app_context():
                cache.clear()
            assert client.get(url).status_code == 200  # the empty form: no search
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(url, query_string={"q": words})
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
            assert response.status_code == 200, response.status_code
        with app.app_context():
            matches = matching_texts(lang, words)
        # The first run warms imports and the database's own caches.
        times, cpu = times[1:], cpu[1:]
        results.append(
            {
                "name": name,
                "query": words,
                "lang": lang,
                "matches": matches,
                "p50": statistics.median(times),
                "p99": percentile(times, 99),
                "cpu_p50": statistics.median(cpu),
                "cpu_p99": percentile(cpu, 99),
            }
        )
    return results


if __name__ == "__main__":
    print(json.dumps(search_latencies(int(sys.argv[1]))))
