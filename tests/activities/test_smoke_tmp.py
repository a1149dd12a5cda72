from django.urls import reverse


def test_pages_render(login, program_admin, draft, awaiting_verification, awaiting_check, consultant, regency_staff, library_manager):
    c = login(program_admin)
    for name, args in [("activities:activity_list", []), ("activities:public_list", []), ("activities:activity_create", []),
                       ("activities:activity_detail", [draft.pk]), ("activities:activity_update", [draft.pk]),
                       ("activities:queue", []), ("activities:trash", []), ("activities:record_history", ["activity", draft.pk]), ("start", [])]:
        r = c.get(reverse(name, args=args))
        assert r.status_code == 200, name
    for u in (consultant, regency_staff, library_manager):
        assert login(u).get(reverse("start")).status_code == 200
        assert login(u).get(reverse("activities:queue")).status_code == 200
        assert login(u).get(reverse("activities:activity_detail", args=[draft.pk])).status_code == 200
