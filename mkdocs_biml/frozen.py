"""Frozen: the base of the package's small immutable value classes.

A ``@dataclass(frozen=True)`` class costs about 4 million instructions to
create, since the dataclass machinery writes and compiles its methods as
source text; the plugin has dozens of them, so importing it cost more than the
rest of the plugin's start. A subclass of :class:`Frozen` annotates its fields,
names them in ``__slots__`` (with any values derived from them, whose names
start with an underscore) and sets them in a hand-written ``__init__`` (through
``object.__setattr__``, as a frozen dataclass does); it inherits what a frozen
dataclass would generate, with the same behaviour: equality with an object of
the same class, field by field; a hash of the fields as a tuple; a repr that
names each field; no assignment after ``__init__``; copying and pickling.

Lowest layer: imports nothing of the package.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import FrozenInstanceError
from operator import attrgetter
from typing import Any, ClassVar


class Frozen:
    """Immutable fields named by ``__slots__``, compared, hashed and shown like a dataclass's."""

    __slots__ = ()
    #: The fields in the order the class body annotates them (set for each subclass).
    _fields: ClassVar[tuple[str, ...]]
    #: The fields' values as a tuple, in that order.
    _values: ClassVar[Callable[[Any], tuple[Any, ...]]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # The class body's annotations, in the order written: __slots__ may be sorted.
        annotated = tuple(inspect.get_annotations(cls))
        if set(annotated) != set(cls.__slots__):
            raise TypeError(f"{cls.__name__}: __slots__ must name the annotated fields")
        # A name with a leading underscore is derived from the fields (a lookup table made
        # in __init__): like a dataclass's field(init=False, compare=False, repr=False).
        fields = tuple(name for name in annotated if not name.startswith("_"))
        cls._fields = fields
        if not fields:
            cls._values = staticmethod(lambda instance: ())
        elif len(fields) == 1:  # attrgetter of one name gives the value, not a tuple
            cls._values = staticmethod(lambda instance, get=attrgetter(fields[0]): (get(instance),))
        else:
            cls._values = attrgetter(*fields)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            values = self.__class__._values
            return values(self) == values(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.__class__._values(self))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{self.__class__.__qualname__}({fields})"

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[type[Frozen], tuple[Any, ...]]:
        """Copy and pickle through ``__init__`` (whose parameters are the fields in order)."""
        return (self.__class__, self.__class__._values(self))
