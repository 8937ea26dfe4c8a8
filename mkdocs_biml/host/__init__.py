"""Everything that takes MkDocs objects: the plugin, its options, navigation, outputs, rebuilds."""
