"""Frozen: the base of the package's small immutable value classes.

A ``@dataclass(frozen=True)`` class costs about 4 million instructions to
create, since the dataclass machinery writes and compiles its methods as
source text; the plugin has dozens of them, so importing it cost more than the
rest of the plugin's start. A subclass of :class:`Frozen` is written as a
frozen dataclass would be, fields annotated with their defaults, and gets
what a frozen dataclass would generate, with the same behaviour, made without
compiling anything: an ``__init__`` taking the fields in order (positional
or by name), equality with an object of the same class, field by field; a
hash of the fields as a tuple; a repr that names each field; ``__slots__``;
no assignment after ``__init__``; copying and pickling.

A class may write its own ``__init__`` (to check or derive values), setting
each field through ``object.__setattr__``. An annotated name with a leading
underscore is derived in such an ``__init__`` (a lookup table): a slot, but
not a field, like a dataclass's ``field(init=False, compare=False, repr=False)``.

Lowest layer: imports nothing of the package.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import FrozenInstanceError
from operator import attrgetter
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:  # type checkers then treat subclasses as frozen dataclasses (PEP 681)
    from typing_extensions import dataclass_transform
else:

    def dataclass_transform(**_options: object) -> Callable[[type], type]:
        return lambda cls: cls


def _values_getter(fields: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    if not fields:
        return lambda instance: ()
    if len(fields) == 1:  # attrgetter of one name gives the value, not a tuple
        get = attrgetter(fields[0])
        return lambda instance: (get(instance),)
    return attrgetter(*fields)


def _make_init(
    class_name: str, fields: tuple[str, ...], defaults: dict[str, Any]
) -> Callable[..., None]:
    """An ``__init__`` taking ``fields`` as a dataclass's would: values in order, then by
    name, then the defaults. All given in order, the common call, it only sets them."""
    count = len(fields)
    set_field = object.__setattr__

    def __init__(self: Frozen, *args: Any, **kwargs: Any) -> None:
        if kwargs or len(args) != count:
            args = _bound(class_name, fields, defaults, args, kwargs)
        for field, value in zip(fields, args):
            set_field(self, field, value)

    return __init__


def _bound(
    class_name: str,
    fields: tuple[str, ...],
    defaults: dict[str, Any],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
) -> tuple[Any, ...]:
    """The fields' values from a call, or the ``TypeError`` a dataclass would raise."""
    if len(args) > len(fields):
        raise TypeError(f"{class_name}() takes {len(fields)} arguments, {len(args)} given")
    values = dict(zip(fields, args))
    for field, value in kwargs.items():
        if field not in fields:
            raise TypeError(f"{class_name}() got an unexpected keyword argument {field!r}")
        if field in values:
            raise TypeError(f"{class_name}() got multiple values for argument {field!r}")
        values[field] = value
    missing = [field for field in fields if field not in values and field not in defaults]
    if missing:
        raise TypeError(f"{class_name}() missing arguments: {', '.join(map(repr, missing))}")
    return tuple(values[field] if field in values else defaults[field] for field in fields)


@dataclass_transform(frozen_default=True)
class _FrozenType(type):
    """Makes each :class:`Frozen` subclass's slots, fields, defaults and ``__init__``."""

    _fields: tuple[str, ...]
    _values: Callable[[Any], tuple[Any, ...]]

    def __new__(
        mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any], **kwargs: Any
    ) -> _FrozenType:
        if any(getattr(base, "_fields", ()) for base in bases):
            # Its fields would not be the base's too, as a dataclass's would.
            raise TypeError(f"{name}: derive from Frozen itself, not from another value class")
        annotated = [
            field
            for field, annotation in namespace.get("__annotations__", {}).items()
            if not str(annotation).startswith(("ClassVar", "typing.ClassVar"))
        ]
        fields = tuple(field for field in annotated if not field.startswith("_"))
        # Defaults leave the class body: a slot and a class attribute cannot share a name.
        defaults = {field: namespace.pop(field) for field in fields if field in namespace}
        namespace.setdefault("__slots__", tuple(annotated))
        cls = super().__new__(mcs, name, bases, namespace, **kwargs)
        cls._fields = fields
        cls._values = _values_getter(fields)
        if "__init__" not in namespace and fields:
            cls.__init__ = _make_init(name, fields, defaults)  # type: ignore[misc]
        return cls


class Frozen(metaclass=_FrozenType):
    """Immutable fields, compared, hashed and shown like a frozen dataclass's."""

    __slots__ = ()
    #: The fields in the order the class body annotates them (set for each subclass).
    _fields: ClassVar[tuple[str, ...]]
    #: The fields' values as a tuple, in that order.
    _values: ClassVar[Callable[[Any], tuple[Any, ...]]]

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
