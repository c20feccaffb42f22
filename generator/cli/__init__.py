"""The `debrief` command line: thin glue around the core, with heavy imports inside commands."""
