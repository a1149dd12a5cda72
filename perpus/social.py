"""Share previews (OpenGraph and Twitter card tags, `templates/includes/social_meta.html`).

A public page puts `social=share_preview(...)` in its context; every other page gets the
site's default from the `perpus.context_processors.share_preview` context processor.
"""


def share_preview(
    title: str = "",
    description: str = "",
    image: str = "",
    image_alt: str = "",
    type: str = "website",
) -> dict:
    """Return the preview dict the template reads: `image` must be an absolute URL of a public,
    resized photo (`request.build_absolute_uri(...)`); empty fields fall back to the site's.
    No query."""
    return {
        "title": title,
        "description": description,
        "image": image,
        "image_alt": image_alt,
        "type": type,
    }
