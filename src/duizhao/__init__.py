"""duizhao (對照, "side by side"): bilingual English–Chinese articles as study material."""

__version__ = "0.1.0"
