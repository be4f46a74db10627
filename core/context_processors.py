"""What every page's header needs: the service name (the user's authorities come from
authorities.context_processors)."""

SERVICE_NAME = "Improvement plan tracker"


def workspace(request):
    return {"service_name": SERVICE_NAME}
