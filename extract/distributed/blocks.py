"""Arrow blocks for the Ray check (check.py, grouping.py): every step's output is a block with an
explicit schema, empty or not, so a later sort or groupby on its key never meets a block
without columns."""
from __future__ import annotations


def _schema(**cols):
    import pyarrow as pa

    return pa.schema([(k, v) for k, v in cols.items()])


def _table(schema, rows: dict):
    """A block with ``schema`` even when it has no rows: an empty block without columns (what a
    row filter or an empty flat_map leaves) breaks a later sort or groupby on its key."""
    import pyarrow as pa

    return pa.table({f.name: pa.array(rows[f.name], type=f.type) for f in schema}, schema=schema)


def _empty(batch) -> bool:
    return len(batch) == 0 if not hasattr(batch, "num_rows") else batch.num_rows == 0


def _col(batch, name: str) -> list:
    """A column of a pandas or Arrow batch as Python values."""
    c = batch[name]
    return c.to_pylist() if hasattr(c, "to_pylist") else c.tolist()


def _schemas():
    import pyarrow as pa

    i64, binary, string = pa.int64(), pa.binary(), pa.string()
    return {
        "prepared": _schema(seq=i64, kind=string, line=binary, doc=string, sh=binary, bands=binary),
        "bands": _schema(key=binary, seq=i64, doc=i64),
        "buckets": _schema(seqs=binary, docs=binary),
        "pairs": _schema(key=i64, other=i64),
        "join": _schema(key=i64, other=i64, doc=i64, sh=binary),
        "verified": _schema(a=i64, b=i64),
        "labelled": _schema(label=i64, seq=i64, line=binary),
        "compared": _schema(label=i64, group=binary, conflicts=binary, n=i64),
    }


def _rows(schema, records: list[dict]):
    return _table(schema, {f.name: [r[f.name] for r in records] for f in schema})


def _kind(batch, kinds: tuple[str, ...], columns: list[str]):
    """Rows whose kind is one of ``kinds``, with ``columns``, in a block that keeps its schema."""
    import pyarrow as pa
    import pyarrow.compute as pc

    schema = pa.schema([_schemas()["prepared"].field(c) for c in columns])
    if _empty(batch):
        return _table(schema, {c: [] for c in columns})
    mask = pc.is_in(batch["kind"], value_set=pa.array(kinds, pa.string()))
    return batch.filter(mask).select(columns).cast(schema)
