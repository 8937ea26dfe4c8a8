"""The site: page paths, the generated pages and their Markdown filters, the
diagram, the ledger, sitewide filling, assessments, the register export, and
the MkDocs glue the plugin calls."""
