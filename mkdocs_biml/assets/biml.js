/* mkdocs-biml */
