def require_secret_key() -> None:
    """Refuse to serve with DEBUG off on the development key committed in the repository."""
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    if not settings.DEBUG and not settings.SECRET_KEY_FROM_ENVIRONMENT:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set: with DEBUG off unnews will not serve on the development "
            "key in the repository; set SECRET_KEY to a long random value (or DEBUG=1 locally)."
        )
