"""Practice: the questions that went badly as cards, a review log, and their schedule.

A stage beside `aggregate` (it may import entry, settings and aggregate; never
render, plugin or cli): pure functions, except for reading and appending the log.
"""
