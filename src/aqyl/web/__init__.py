"""The Django project: settings and URLs (the web application grows here)."""
