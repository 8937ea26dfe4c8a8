"""What the extension and the pages share: words, paths, messages, resource folders. No MkDocs."""
