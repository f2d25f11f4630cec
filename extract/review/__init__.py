"""The fact-checking desk's review queue (issue 13): a local web app over the loader's database.

* ``store``: the queue, a conflict, and the ``decisions`` table (append-only; the latest row of a
  conflict wins), through SQLAlchemy Core with bound parameters, on SQLite and PostgreSQL;
* ``text``: readings' differing characters, and each version's story read from its source;
* ``app``: the Starlette routes and their security (CSRF, the reviewer cookie);
* ``export``: story records rebuilt from the database with accepted readings applied;
* ``cli``: ``newsfacts review`` and ``newsfacts export``.
"""
