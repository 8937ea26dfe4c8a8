"""The Markdown extension's internals: tags to elements, callouts, the
tag-to-line mapping, the host's current page. No MkDocs."""
