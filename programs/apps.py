from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "programs"
    verbose_name = _("Programs and progress")

    def ready(self):
        from perpus import panels, trash
        from villages import sections

        from .measures import load_all
        from .selectors import library_section
        from .selectors.visits import library_visits_section, visits_panel
        from .trash import EVIDENCE, VISITS

        # The ladder's measures read villages and activities data; they register here,
        # in the app on top, so the apps below never import programs.
        load_all()
        from django.db.models.signals import post_migrate

        from .receivers import rebuild_outdated_summaries

        # Summaries built in an older layout are rebuilt after `migrate`.
        post_migrate.connect(rebuild_outdated_summaries, sender=self, dispatch_uid="programs.dashboard.layout")
        # The stage and what is missing, on every library's page.
        sections.register(
            sections.LibrarySection(
                key="progress",
                template="programs/_library_section.html",
                selector=library_section,
                order=50,
            )
        )
        # When the library was last visited, for staff whose scope holds its visits.
        sections.register(
            sections.LibrarySection(
                key="visits",
                template="programs/_visit_library_section.html",
                selector=library_visits_section,
                order=55,
            )
        )
        # The public pages of places: libraries by stage, and the stage badge of each library.
        from perpus import public_sections
        from villages.public import register_badges

        from .selectors.public import stage_badges, stages_section

        public_sections.register(
            public_sections.PublicSection("stages", "programs/_public_stages.html", stages_section, order=20)
        )
        register_badges(stage_badges)
        # Deleted evidence is listed in the one trash page and restored from it.
        trash.register(EVIDENCE)
        trash.register(VISITS)
        # Downloads of the app's lists (perpus.export_registry, served at /exports/<key>.<fmt>).
        from .exports import register_exports

        register_exports()
        # Links to the dashboards and ladder on the start page (static: `can` decides).
        panels.register(panels.StartPanel("programs", "programs/_start_panel.html", lambda user: {}, order=20))
        panels.register(panels.StartPanel("visits", "programs/_visits_panel.html", visits_panel, order=25))
