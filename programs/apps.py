from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "programs"
    verbose_name = _("Programs and progress")

    def ready(self):
        from perpus import panels, trash
        from villages import sections
        from villages.signals import library_data_changed

        from .measures import load_all
        from .receivers import recompute_on_library_data_change
        from .selectors import library_section
        from .selectors.visits import library_visits_section, visits_panel
        from .trash import EVIDENCE, VISITS

        # The ladder's measures read villages and activities data; they register here,
        # in the app on top, so the apps below never import programs.
        load_all()
        library_data_changed.connect(recompute_on_library_data_change, dispatch_uid="programs.stages")
        # Every save of a reviewed record (entry, submission, check, return, verification,
        # deletion) updates the dashboards' summaries of its region after the commit.
        from activities.registry import record_types
        from django.db.models.signals import post_save

        from .receivers import refresh_dashboard_on_record_save

        for record_type in record_types():
            post_save.connect(
                refresh_dashboard_on_record_save, sender=record_type.model, dispatch_uid=f"programs.dashboard.{record_type.key}"
            )
        # A visit saved (or deleted, which saves it) shows on the dashboards at once.
        from .models import Visit
        from .receivers import renew_dashboards

        post_save.connect(renew_dashboards, sender=Visit, dispatch_uid="programs.dashboard.visit")
        # A cohort entry changes its library's cohort key, which the summaries group by.
        from django.db.models.signals import post_delete, post_migrate, pre_save

        from .models import Participation
        from .receivers import (
            rebuild_outdated_summaries,
            refresh_dashboard_on_cohort_change,
            remember_participation_library,
        )

        pre_save.connect(remember_participation_library, sender=Participation, dispatch_uid="programs.cohort.before")
        post_save.connect(refresh_dashboard_on_cohort_change, sender=Participation, dispatch_uid="programs.cohort.saved")
        post_delete.connect(refresh_dashboard_on_cohort_change, sender=Participation, dispatch_uid="programs.cohort.gone")
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
        from perpus import pagecache, public_sections
        from villages.public import register_badges

        from .models import Criterion, LibraryProgress, Stage
        from .selectors.public import stage_badges, stages_section

        public_sections.register(
            public_sections.PublicSection("stages", "programs/_public_stages.html", stages_section, order=20)
        )
        register_badges(stage_badges)
        # A library's stage is on its page, the lists and the figures: cached pages must go.
        pagecache.invalidate_on_change(LibraryProgress)
        pagecache.invalidate_on_change(Stage)
        pagecache.invalidate_on_change(Criterion)
        # Deleted evidence is listed in the one trash page and restored from it.
        trash.register(EVIDENCE)
        trash.register(VISITS)
        # Downloads of the app's lists (perpus.export_registry, served at /exports/<key>.<fmt>).
        from .exports import register_exports

        register_exports()
        # Links to the dashboards and ladder on the start page (static: `can` decides).
        panels.register(panels.StartPanel("programs", "programs/_start_panel.html", lambda user: {}, order=20))
        panels.register(panels.StartPanel("visits", "programs/_visits_panel.html", visits_panel, order=25))
