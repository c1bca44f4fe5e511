"""Publishing: what search engines, link previews and feed readers read. Never imports MkDocs."""
