"""Views of the activities app, one module per resource (activities, review, history, files)."""
