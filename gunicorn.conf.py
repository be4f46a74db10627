"""gunicorn's settings, read from the directory it starts in: `gunicorn config.wsgi` (README).

The app is loaded once by the master process, which then imports the views and compiles the
templates (config/warm.py) before forking the workers: a new worker's first page costs about what a
warm one's does, where it took 0.6 s, and the workers share those pages of memory.
"""

preload_app = True


def when_ready(server):
    from config.warm import warm

    server.log.info("Warmed: %d templates compiled before forking the workers", warm())
