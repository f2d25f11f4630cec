"""The recogniser's model multiplies with numpy's BLAS on one thread (extract/facts/modelops.py),
and finds the same spans as with thinc's default blis (issue 11)."""
from __future__ import annotations

import spacy

from extract.facts import modelops
from extract.facts.recognizer import RecognizerComponent, text_sentences

TEXT = ("国务院总理李克强在北京主持召开国务院常务会议。工业和信息化部副部长辛国斌表示，"
        "中国人民银行将继续实施稳健的货币政策。新华社记者王小明报道，上海市浦东新区人民政府发布通知。"
        "联合国秘书长古特雷斯当天在纽约总部会见了来访的外交部长王毅。"
        "他说，阿里巴巴集团和中国石油天然气集团公司签署了合作协议。")


def _spans(monkeypatch, blas: str) -> list:
    monkeypatch.setenv("NEWSFACTS_BLAS", blas)
    rec = RecognizerComponent(spacy.blank("zh"), "recognizer", trigger=False)
    sentences = [TEXT[a:b] for a, b in text_sentences(TEXT)]
    return rec.predict_texts(sentences * 3)


def test_numpy_blas_same_spans_as_blis(monkeypatch) -> None:
    got = _spans(monkeypatch, "numpy")
    assert got == _spans(monkeypatch, "blis")
    assert any(got)


def test_fast_ops_only_when_chosen(monkeypatch) -> None:
    monkeypatch.setenv("NEWSFACTS_BLAS", "blis")
    assert not modelops.use_numpy_blas()
    monkeypatch.setenv("NEWSFACTS_BLAS", "numpy")
    assert modelops.use_numpy_blas()


def test_one_thread_restores_the_count() -> None:
    from threadpoolctl import threadpool_info, threadpool_limits

    if modelops.openblas() is None:  # no OpenBLAS to pin: the block just runs
        with modelops.one_thread():
            pass
        return
    with threadpool_limits(limits=2, user_api="blas"):
        with modelops.one_thread():
            assert {lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"} == {1}
        assert {lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"} == {2}
