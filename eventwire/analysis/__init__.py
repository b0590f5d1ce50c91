"""Analysis over stored events: deduplication, similarity, network formats and plots."""
