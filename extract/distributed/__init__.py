"""The Ray engine (issue 14): ``newsfacts extract|check --engine ray``.

Nothing here is imported unless ``--engine ray`` is given (extract/cli.py imports
``extract.distributed.cli`` inside the dispatch), and this package's ``__init__`` imports no Ray,
so ``newsfacts extract`` without ``--engine`` never loads Ray.

engine.py   joining or starting a cluster, Ray Data settings, output folders (atomic, manifest)
extract.py  inputs as a Dataset, extraction in an actor pool, sharded JSONL + manifest.json
check.py    MinHash per story, LSH band groupby, containment by two reduce-side joins,
            connected components on the driver, groups compared in parallel
cli.py      the two commands
"""
