"""The opsbench Spark plugin's pieces: the session, datasets and the pushed-down analyses."""
