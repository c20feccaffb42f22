"""debrief-notebook: interview debriefs in, a browsable and shareable notebook out."""

__version__ = "0.1.0"
