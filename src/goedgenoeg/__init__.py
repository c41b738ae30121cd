"""goedgenoeg: a reflection aid before heavy decisions in youth care."""

__version__ = "0.1.0"
