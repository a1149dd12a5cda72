"""Every fixed list of options of the reviewed records, in one place for whoever reviews
or translates the labels: review steps and history actions, kinds of activity, training and
funding, documents, partners and agreements, products and income, support.

The model modules import them from here, and each still offers the ones it uses.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    CHECKED = "checked", _("Checked by the regency")
    VERIFIED = "verified", _("Verified")
    RETURNED = "returned", _("Returned to the author")


class EventAction(models.TextChoices):
    CREATED = "created", _("Created")
    CHANGED = "changed", _("Changed")
    SUBMITTED = "submitted", _("Submitted")
    CHECKED = "checked", _("Checked")
    VERIFIED = "verified", _("Verified")
    RETURNED = "returned", _("Returned")
    DELETED = "deleted", _("Deleted")
    RESTORED = "restored", _("Restored")


class ActivityKind(models.TextChoices):
    SOCIALISATION = "socialisation", _("Socialisation")
    COORDINATION = "coordination", _("Coordination meeting (rakor)")
    PEER_LEARNING = "peer_learning", _("Peer learning meeting (PLM)")
    STAKEHOLDER = "stakeholder", _("Stakeholder meeting")
    TRAINING = "training", _("Training (bimtek)")
    COMMUNITY = "community", _("Community engagement activity")
    MOBILE_LIBRARY = "mobile_library", _("Mobile library trip")
    ADVOCACY = "advocacy", _("Advocacy")
    OTHER = "other", _("Other")


class ActivityLevel(models.TextChoices):
    NATIONAL = "national", _("National")
    PROVINCE = "province", _("Province")
    REGENCY = "regency", _("Regency/city")
    VILLAGE = "village", _("Village")


class TrainingType(models.TextChoices):
    SPPTIK = "spptik", _("SPP-TIK (library development strategy with ICT)")
    LIBRARY_MANAGEMENT = "library_management", _("Library management")
    ICT = "ict", _("Computers and internet")
    LIFE_SKILLS = "life_skills", _("Life skills for the community")
    OTHER = "other", _("Other training")


class FundingSource(models.TextChoices):
    APBN = "apbn", _("State budget (APBN)")
    APBD = "apbd", _("Regional budget (APBD)")
    DANA_DESA = "dana_desa", _("Village fund (Dana Desa)")
    CSR = "csr", _("Company (CSR)")
    OTHER = "other", _("Other")
    NONE = "none", _("None")


class DocumentKind(models.TextChoices):
    ATTENDANCE = "attendance", _("Attendance list")
    REPORT = "report", _("Report")
    MINUTES = "minutes", _("Minutes")
    MATERIALS = "materials", _("Materials or presentation")
    OTHER = "other", _("Other")


class PartnerType(models.TextChoices):
    SCHOOL = "school", _("School")
    LKSA = "lksa", _("Orphanage (LKSA)")
    BUMDES = "bumdes", _("Village enterprise (BUMDes)")
    PKK = "pkk", _("Family welfare group (PKK)")
    HEALTH = "health", _("Health post (posyandu/puskesmas)")
    CSR = "csr", _("Company (CSR)")
    NGO = "ngo", _("Non-governmental organisation")
    GOVERNMENT = "government", _("Government office")
    OTHER = "other", _("Other")


class AgreementKind(models.TextChoices):
    MOU = "mou", _("Memorandum of understanding (MoU)")
    PKS = "pks", _("Cooperation agreement (PKS)")


class ProductCategory(models.TextChoices):
    CRAFT = "craft", _("Craft")
    FOOD = "food", _("Food and drink")
    AGRICULTURE = "agriculture", _("Farming and fishery")
    FASHION = "fashion", _("Clothing and batik")
    SERVICE = "service", _("Service")
    OTHER = "other", _("Other")


class IncomePeriod(models.TextChoices):
    MONTH = "month", _("per month")
    YEAR = "year", _("per year")
    TOTAL = "total", _("in total so far")


class SupportKind(models.TextChoices):
    REGULATION = "regulation", _("Regulation")
    BUDGET = "budget", _("Budget allocation")


class RegulationType(models.TextChoices):
    PERDES = "perdes", _("Village regulation (perdes / perkades)")
    PERBUP = "perbup", _("Regent or mayor regulation (perbup / perwali)")
    PERGUB = "pergub", _("Governor regulation (pergub)")
    PERDA = "perda", _("Regional regulation (perda)")
    SK = "sk", _("Decree (SK)")
    OTHER = "other", _("Other regulation")


class BudgetSource(models.TextChoices):
    DANA_DESA = "dana_desa", _("Village fund (Dana Desa)")
    APBD_REGENCY = "apbd_regency", _("Regency/city budget (APBD)")
    APBD_PROVINCE = "apbd_province", _("Province budget (APBD)")
    CSR = "csr", _("Company (CSR)")
    OTHER = "other", _("Other source")
