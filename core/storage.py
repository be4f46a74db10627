"""Static files as deployed: WhiteNoise's compressed files under hashed names."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


def _without_source_maps(patterns):
    def keep(pattern):
        return "sourceMappingURL" not in (pattern[0] if isinstance(pattern, tuple) else pattern)

    return tuple((glob, tuple(filter(keep, found))) for glob, found in patterns)


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    # The vendored GOV.UK Frontend names source maps it does not ship; those comments are left
    # as they are rather than failing collectstatic.
    patterns = _without_source_maps(CompressedManifestStaticFilesStorage.patterns)
