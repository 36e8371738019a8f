"""The loader never crashes, whatever text or bytes an editor saves."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.data.loader import read_record
from macros.data.models import Party, PriceTiers
from macros.data.problems import Problem
from macros.data.yamlsource import parse

YAMLISH = st.text(alphabet=st.sampled_from(list("ab:- \n\t'\"[]{}#&*!|>%@`,?äö0123456789.")), max_size=200)


@settings(max_examples=300, deadline=None)
@given(YAMLISH)
def test_parse_returns_data_or_problems(text):
    data, _source, problems = parse(text, "data/x.yml")
    assert all(isinstance(p, Problem) and p.line >= 1 and p.column >= 1 for p in problems)
    assert data is None or not problems


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=200) | YAMLISH.map(lambda t: t.encode("utf-8")))
def test_reading_any_bytes_gives_a_record_or_problems(tmp_path, raw):
    path = tmp_path / "data" / "x.yml"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(raw)
    for model in (Party, PriceTiers):
        problems: list[Problem] = []
        record = read_record(path, tmp_path, model, problems)
        assert record is None or not problems
        assert all(p.file == "data/x.yml" and p.message for p in problems)


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["nimi", "tyyppi", "y_tunnus", "liittynyt", "kunnat", "x"]),
        st.none() | st.booleans() | st.integers() | st.text(max_size=12) | st.lists(st.text(max_size=5), max_size=3),
        max_size=6,
    )
)
def test_wrong_values_in_a_valid_shape_give_problems(tmp_path_factory, fields):
    import yaml

    root = tmp_path_factory.mktemp("fuzz")
    path = root / "data" / "x.yml"
    path.parent.mkdir()
    path.write_text(
        "# yaml-language-server: $schema=x\n" + yaml.safe_dump(fields, allow_unicode=True), encoding="utf-8"
    )
    problems: list[Problem] = []
    assert read_record(path, root, Party, problems) is None
    assert problems


@settings(max_examples=100, deadline=None)
@given(body=YAMLISH, head=YAMLISH)
def test_any_report_or_news_file_gives_problems_not_a_crash(tmp_path_factory, body, head):
    from macros.data.loader import read_front_matter_file
    from macros.data.models import Article, Report

    root = tmp_path_factory.mktemp("fm")
    folder = root / "docs" / "tunnistamisraportit"
    folder.mkdir(parents=True)
    (folder / "x.md").write_text(f"---\n{head}\n---\n{body}", encoding="utf-8")
    for model, templated in ((Report, True), (Article, False), (None, True)):
        problems: list[Problem] = []
        _record, _parts, broken, _body_line = read_front_matter_file(folder / "x.md", root, model, problems, templated)
        assert broken == bool(problems)
        assert all(p.file == "docs/tunnistamisraportit/x.md" and p.line >= 1 for p in problems)


SCALARS = st.text(alphabet=st.sampled_from(list("0123456789+-._:eExXoObB~nNuUlLtTrRfFaAsSyYiI \t")), max_size=12)


@settings(max_examples=500, deadline=None)
@given(SCALARS, st.booleans())
def test_the_quick_resolver_gives_the_tags_pyyaml_gives(value, plain):
    import yaml

    from macros.data.yamlsource import _Loader

    loader = _Loader("")
    try:
        for kind in (yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode):
            expected = yaml.resolver.BaseResolver.resolve(loader, kind, value, (plain, not plain))
            assert loader.resolve(kind, value, (plain, not plain)) == expected
    finally:
        loader.dispose()
