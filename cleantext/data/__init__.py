"""Small documented word lists used by the stages (see each file's header)."""
