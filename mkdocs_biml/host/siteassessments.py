"""The site's assessments and other sites' registers, read with the config.

The ``assessments`` option names folders of ``docs_dir``; the ``registers``
option names other sites' registers, whose assessments join this site's. Both
are checked here, so that a bad folder or register stops the build in one
message before any page is read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from ..catalog.model import Catalog
from ..frozen import Frozen
from ..records.assessments import Assessments
from .config import BimlConfig, config_dir

if TYPE_CHECKING:  # imported where a site names other registers: most never do
    from ..records.otherregisters import OtherRegisters

log = get_plugin_logger("biml")


class SiteAssessments(Frozen):
    #: The site's own assessments (the ``assessments`` option).
    local: Assessments
    #: Other sites' registers (the ``registers`` option); None when it names none.
    other_registers: OtherRegisters | None

    @property
    def all(self) -> Assessments:
        """The site's assessments, then those of other sites' registers."""
        if self.other_registers is None or not self.other_registers.assessments:
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
    if not options.registers:
        return SiteAssessments(assessments, None)
    registers = _other_registers(
        config, options.registers, catalogs, assessments.names, options.statuses
    )
    return SiteAssessments(assessments, registers)


def _other_registers(
    config: MkDocsConfig,
    entries: Sequence[Mapping[str, str]],
    catalogs: Sequence[Catalog],
    local_names: list[str],
    statuses: Sequence[str],
) -> OtherRegisters:
    from ..records.otherregisters import (  # noqa: PLC0415 (see TYPE_CHECKING above)
        RegisterError,
        RegisterSource,
        other_folders_in,
        read_registers,
    )

    sources = [RegisterSource(**entry) for entry in entries]
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
