"""plainnotice: privacy notices from one data inventory."""

__version__ = "0.1.0"
