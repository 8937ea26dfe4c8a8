"""Frozen value classes behave as the frozen dataclasses they replaced did."""

from __future__ import annotations

import copy
import pickle
import types
from dataclasses import FrozenInstanceError, dataclass

import pytest

from mkdocs_biml.catalog.resolver import Outcome, Resolution, TagParts
from mkdocs_biml.catalog.texts import Text
from mkdocs_biml.core.paths import PageLayout
from mkdocs_biml.core.problems import Problem
from mkdocs_biml.records.assessments import Assessments
from mkdocs_biml.records.ledger import StatusNote
from mkdocs_biml.records.tracking import Tracking


@dataclass(frozen=True)
class _AsDataclass:
    prefix: str
    component: str
    number: int
    descriptor: str | None


def test_equality_hash_and_repr_are_a_frozen_dataclass_s() -> None:
    parts = TagParts("", "data", 2, "transfer")
    same = TagParts(prefix="", component="data", number=2, descriptor="transfer")
    assert parts == same
    assert hash(parts) == hash(same) == hash(_AsDataclass("", "data", 2, "transfer"))
    assert parts != TagParts("", "data", 3, "transfer")
    assert parts != ("", "data", 2, "transfer")  # no tuple, unlike a NamedTuple
    assert parts != _AsDataclass("", "data", 2, "transfer")  # another class
    assert repr(parts) == "TagParts(prefix='', component='data', number=2, descriptor='transfer')"
    assert repr(Text("a")) == "Text(text='a')"
    assert hash(Text("a")) == hash(("a",))


def test_defaults_are_the_dataclass_s() -> None:
    assert Resolution("x", Outcome.UNKNOWN).candidates == ()
    assert StatusNote() == StatusNote("", "", None, Tracking())


def test_fields_cannot_be_assigned_or_deleted() -> None:
    note = StatusNote(owner="me")
    with pytest.raises(FrozenInstanceError):
        note.owner = "you"
    with pytest.raises(FrozenInstanceError):
        del note.owner
    with pytest.raises(AttributeError):  # no __dict__ for stray attributes either
        note.extra = 1
    assert note.owner == "me"


def test_copy_and_pickle_give_an_equal_value() -> None:
    note = StatusNote("me", "why", 3, Tracking(ticket="T-1"))
    assert copy.copy(note) == note
    assert copy.deepcopy(note) == note
    assert pickle.loads(pickle.dumps(note)) == note


def test_made_init_takes_what_the_dataclass_s_took() -> None:
    assert TagParts("", "data", 2, descriptor="transfer") == TagParts("", "data", 2, "transfer")
    assert Tracking(expires=None) == Tracking()
    for call, message in (
        (lambda: TagParts("", "data"), "missing arguments: 'number', 'descriptor'"),
        (lambda: TagParts("", "data", 2, "x", "y"), "takes 4 arguments"),
        (lambda: TagParts("", "data", 2, "x", number=3), "multiple values for argument 'number'"),
        (lambda: Text(txt="a"), "unexpected keyword argument 'txt'"),
    ):
        with pytest.raises(TypeError, match=message):
            call()


def test_fields_are_slots_and_defaults_stay_off_the_class() -> None:
    assert StatusNote.__slots__ == ("owner", "note", "line", "tracking")
    # The class holds the slot's descriptor, not the default "".
    assert isinstance(vars(StatusNote)["owner"], types.MemberDescriptorType)
    assert StatusNote().owner == ""


def test_values_derived_in_init_are_not_fields() -> None:
    """Like a dataclass's field(init=False, compare=False, repr=False)."""
    first = Assessments((("models/a", "A"), ("models/b", "B")))
    second = Assessments((("models/a", "A"), ("models/b", "B")))
    assert first == second
    assert hash(first) == hash(second)
    assert repr(first) == "Assessments(folders=(('models/a', 'A'), ('models/b', 'B')))"
    assert copy.deepcopy(first).of("models/b/page.md") == "B"


def test_checks_in_init_still_run() -> None:
    with pytest.raises(ValueError, match="folder"):
        PageLayout("../outside")
    problem = Problem("a\x1b[31m.md", 1, None, "bad\x07")
    assert "\x1b" not in problem.path
    assert "\x07" not in problem.message


def test_a_value_class_derives_from_frozen_itself() -> None:
    with pytest.raises(TypeError, match="derive from Frozen itself"):

        class _Longer(Text):  # Text's field would be lost
            more: int
