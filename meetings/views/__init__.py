"""Pages for boards and meetings, and for adding a meeting's actions fast."""
