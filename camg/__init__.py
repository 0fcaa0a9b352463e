"""camg: the dietary calcium-to-magnesium ratio of a meal log, from USDA SR28 data."""

__version__ = "0.1.0"
