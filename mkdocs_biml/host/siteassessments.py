"""The site's assessments and other sites' registers, read with the config.

The ``assessments`` option names folders of ``docs_dir``; the ``registers``
option names other sites' registers, whose assessments join this site's. Both
are checked here, so that a bad folder or register stops the build in one
message before any page is read.
"""

from __future__ import annotations

from collections.abc import Sequence

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from ..catalog.model import Catalog
from ..frozen import Frozen
from ..records.assessments import Assessments
from ..records.otherregisters import (
    OtherRegisters,
    RegisterError,
    RegisterSource,
    other_folders_in,
    read_registers,
)
from .config import BimlConfig, config_dir

log = get_plugin_logger("biml")


class SiteAssessments(Frozen):
    __slots__ = (
        "local",
        "other_registers",
    )

    #: The site's own assessments (the ``assessments`` option).
    local: Assessments
    #: Other sites' registers (the ``registers`` option).
    other_registers: OtherRegisters

    def __init__(self, local: Assessments, other_registers: OtherRegisters) -> None:
        set_field = object.__setattr__
        set_field(self, "local", local)
        set_field(self, "other_registers", other_registers)

    @property
    def all(self) -> Assessments:
        """The site's assessments, then those of other sites' registers."""
        if not self.other_registers.assessments:
            return self.local
        return Assessments((*self.local.folders, *self.other_registers.folders))


def site_assessments(
    config: MkDocsConfig, options: BimlConfig, catalogs: Sequence[Catalog]
) -> SiteAssessments:
    """The assessments and registers the options name (``PluginError`` if one is wrong)."""
    assessments = Assessments.from_option(options.assessments)
    missing = assessments.missing_folders(config.docs_dir)
    if missing:
        raise PluginError(
            f"biml: the 'assessments' option lists folders that are not in "
            f"{config.docs_dir}: {', '.join(missing)}; give each folder's path "
            f"relative to docs_dir"
        )
    sources = [RegisterSource(**entry) for entry in options.registers]
    registers = _other_registers(config, sources, catalogs, assessments.names, options.statuses)
    return SiteAssessments(assessments, registers)


def _other_registers(
    config: MkDocsConfig,
    sources: Sequence[RegisterSource],
    catalogs: Sequence[Catalog],
    local_names: list[str],
    statuses: Sequence[str],
) -> OtherRegisters:
    try:
        found = read_registers(sources, config_dir(config), catalogs, local_names, statuses)
    except RegisterError as exc:
        raise PluginError(f"biml: {exc}") from None
    clash = sorted(set(other_folders_in(config.docs_dir, found)))
    if clash:
        raise PluginError(
            f"biml: {', '.join(clash)} in docs_dir has the name the plugin gives the "
            f"pages of another site's register: rename that folder"
        )
    for message in found.left_out:
        log.warning(f"biml: {message}")
    return found
