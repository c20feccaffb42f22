"""The share edition: what a mentor may see, checked for leaks, optionally locked.

`clean` and `leaks` are pure and import nothing heavy; `lock` needs `cryptography`;
`locked` and `publish` are only imported by the plugin and the commands that use them.
"""
