"""Readable names for what the importer finds: page names and heading ids from
the usual section names and a table of the genre's terms, figure groups by
subject, and the words of figure keys. Deterministic: the same document gets
the same names on every import.

These English words are ids and keys (measures, dispute-resolution,
mediation.cases), not translations shown to readers; group names that readers
see come with their English from GROUPS, or from the previous year's data file.
"""

from __future__ import annotations

import re

__all__ = ["SECTION_PAGES", "SECTION_NAMES", "GROUPS", "page_name", "slug", "group_of", "key_word", "unit_word",
           "unique"]

# Top-level sections: the usual names (the first that matches) -> the page and its id.
SECTION_PAGES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("述法",), "reporting-on-law"),
    (("下一步", "下阶段", "工作安排", "工作计划", "工作打算", "计划"), "next-steps"),
    (("不足", "存在的问题", "存在问题"), "shortcomings"),
    (("特色", "亮点"), "highlights"),
    (("主要举措", "成效", "主要工作", "工作开展情况"), "measures"),
)
# The pages' usual names, for the group of a figure found on them (Chinese, English).
SECTION_NAMES = {
    "measures": ("主要举措和成效", "Main measures and results"),
    "reporting-on-law": ("述法工作", "Reporting on the performance of rule-of-law duties"),
    "highlights": ("特色亮点工作", "Distinctive highlights"),
    "shortcomings": ("存在的不足", "Shortcomings"),
    "next-steps": ("下阶段工作安排", "Arrangements for the next stage"),
}

# Terms of the genre -> a word of an id, longest first where they overlap.
TERMS: dict[str, str] = {
    "习近平法治思想": "xi-thought", "第一责任人": "primary-responsibility", "党政主要负责人": "principal-leaders",
    "领导干部": "leading-officials", "中心组": "study-group", "学法用法": "study-law", "学法": "study-law",
    "述法": "reporting-on-law", "党的领导": "party-leadership", "党委": "party-committee", "党建": "party-building",
    "党": "party", "组织领导": "leadership", "领导": "leadership", "责任制": "responsibility",
    "法治政府": "law-based-government", "法治建设": "rule-of-law", "依法治理": "governance-by-law",
    "依法行政": "administration-by-law", "依法履行职能": "performing-functions", "履行职能": "performing-functions",
    "职能": "functions", "合法性审查": "legality-review", "法律顾问": "legal-advisers", "合同": "contracts",
    "规范性文件": "normative-documents", "重大行政决策": "major-decisions", "决策": "decisions",
    "行政复议": "reconsideration", "复议": "reconsideration", "行政诉讼": "litigation", "应诉": "litigation",
    "出庭": "court-appearance", "公益诉讼": "public-interest-litigation", "检察建议": "procuratorial-recommendations",
    "保密": "confidentiality", "政务公开": "government-openness", "信息公开": "disclosure", "公开": "openness",
    "政策解读": "policy-interpretation", "解读": "interpretation", "执法监督": "enforcement-supervision",
    "行政执法": "law-enforcement", "执法": "enforcement", "监督": "supervision", "双随机": "random-inspections",
    "矛盾纠纷": "disputes", "纠纷": "disputes", "人民调解": "people-mediation", "调解": "mediation",
    "化解": "resolution", "信访": "petitions", "枫桥经验": "fengqiao", "公共法律服务": "public-legal-services",
    "法律服务": "legal-services", "法律援助": "legal-aid", "法律咨询": "legal-consultation",
    "法治宣传教育": "legal-education", "法治宣传": "legal-publicity", "普法": "legal-publicity",
    "宣传": "publicity", "教育": "education", "法治文化": "legal-culture", "培训": "training",
    "营商环境": "business-environment", "企业": "businesses", "基层": "grassroots", "社会治理": "social-governance",
    "治理": "governance", "平安": "safety", "安全生产": "work-safety", "安全": "safety", "创新": "innovation",
    "特色": "distinctive", "品牌": "brand", "队伍": "team", "制度": "system", "机制": "mechanism",
    "数字化": "digital", "信息化": "digital", "网格": "grid", "社区": "community", "乡村振兴": "rural-revitalization",
    "乡村": "rural", "红色": "red", "三合一": "three-in-one", "点线面": "point-line-surface", "民法典": "civil-code",
    "宪法": "constitution", "监管": "regulation", "城管": "urban-management", "综合执法": "comprehensive-enforcement",
    "资源": "resources", "整合": "integration", "联动": "coordination", "统筹": "coordination", "部署": "deployment",
    "保障": "safeguards", "理论": "theory", "学习": "study", "思想": "thought", "不足": "shortcomings",
    "问题": "problems", "任务": "tasks", "目标": "targets", "工作": "work",
}
_TERMS = sorted(TERMS, key=len, reverse=True)
_TERM = re.compile("|".join(map(re.escape, _TERMS)))
# Words that say little in an id when another word is there.
_WEAK = {"work", "system", "mechanism", "study", "thought", "tasks"}

# Figure groups: the words that put a figure in it (in its label, else its sentence, else its heading).
GROUPS: tuple[tuple[str, tuple[str, ...], str, str], ...] = (
    ("reconsideration", ("行政复议", "复议"), "行政复议", "Administrative reconsideration"),
    ("public_interest", ("公益诉讼", "检察建议"), "公益诉讼", "Public interest litigation"),
    ("litigation", ("行政诉讼", "出庭", "应诉"), "行政诉讼", "Administrative litigation"),
    ("mediation", ("调解", "纠纷", "矛盾", "调处"), "矛盾纠纷调解", "Mediation of disputes"),
    ("petitions", ("信访", "来访", "来信"), "信访工作", "Petitions"),
    ("disclosure", ("公开", "解读"), "政务公开", "Openness of government affairs"),
    ("enforcement", ("执法", "处罚", "检查", "案卷"), "执法监督", "Supervision of law enforcement"),
    ("contracts", ("合同", "合法性审查", "规范性文件"), "合法性审查", "Legality review"),
    ("legal_services", ("法律服务", "法律咨询", "法律援助", "法律顾问", "律师"), "公共法律服务", "Public legal services"),
    ("decisions", ("重大行政决策", "决策"), "重大行政决策", "Major administrative decisions"),
    ("education", ("普法", "宣传", "讲座", "法治文化"), "法治宣传教育", "Legal publicity and education"),
    ("training", ("培训", "考试", "旁听"), "培训与学法", "Training and study of law"),
    ("party", ("党委", "中心组", "学习", "学法", "述法"), "党的领导与学法", "Party leadership and legal study"),
)

# Words of a figure's label -> the name of its key, longest first.
KEY_WORDS: dict[str, str] = {
    "成功率": "success_rate", "化解率": "resolution_rate", "调处率": "handling_rate", "公开率": "disclosure_rate",
    "出庭率": "court_appearance_rate", "出庭应诉率": "court_appearance_rate", "满意率": "satisfaction_rate",
    "覆盖率": "coverage_rate", "办结率": "completion_rate", "纠错率": "correction_rate", "知晓率": "awareness_rate",
    "率": "rate", "金额": "amount", "经费": "funding", "资金": "funds", "罚款": "fines", "罚没": "fines",
    "人次": "person_times", "案件": "cases", "案例": "cases", "纠纷": "disputes", "协议": "agreements",
    "咨询": "consultations", "建议书": "recommendations", "建议": "advice", "审查": "reviews", "审核": "reviews",
    "合同": "contracts", "文件": "documents", "决定": "decisions", "会议": "meetings", "学习": "study_sessions",
    "培训": "trainings", "讲座": "lectures", "活动": "events", "宣传": "publicity", "资料": "materials",
    "信息": "items", "工单": "work_orders", "来访": "visits", "信访": "petitions", "申请": "applications",
    "工作室": "offices", "工作站": "stations", "站": "stations", "律师": "lawyers", "顾问": "advisers",
    "人员": "staff", "调解员": "mediators", "志愿者": "volunteers", "群众": "residents", "企业": "businesses",
    "检查": "inspections", "处罚": "penalties", "旁听": "hearings_attended", "复议": "reconsiderations",
    "诉讼": "lawsuits", "目标": "target",
}
_KEY_WORDS = sorted(KEY_WORDS, key=len, reverse=True)
UNIT_WORDS = {
    "item": "cases", "person_time": "person_times", "time": "times", "copy": "documents", "entry": "items",
    "office": "offices", "project": "items", "percent": "rate", "wan_yuan": "amount", "yuan": "amount",
    "yi_yuan": "amount", "percentage_point": "change", "person": "people", "member": "people",
    "household": "households", "organization": "organizations", "session": "sessions", "session_count": "sessions",
    "article": "articles", "work": "works", "batch": "batches", "lot": "batches", "round": "sessions",
    "incident": "cases", "matter": "cases", "sheet": "sheets", "volume": "copies", "book": "copies",
    "hour": "hours", "day": "days", "square_meter": "area", "kilometer": "length", "mu": "area", "ton": "weight",
    "piece": "units",
}


def page_name(title: str, number: int) -> str:
    """The page (and H1 id) of a top-level section: the usual names, else a slug of its words."""
    for words, name in SECTION_PAGES:
        if any(word in title for word in words):
            return name
    return slug(title) or f"part-{number}"


def slug(text: str, *, most: int = 2) -> str:
    """An id from the genre's terms in `text`, in their order: 加强党对法治建设的组织领导 -> party-rule-of-law."""
    words: list[str] = []
    for match in _TERM.finditer(text):
        word = TERMS[match.group(0)]
        if not any(word in other.split("-") or other in word.split("-") or word in other for other in words):
            words.append(word)
    strong = [word for word in words if word not in _WEAK] or words
    return "-".join(strong[:most])


def group_of(*texts: str) -> str | None:
    """The group of a figure: the first text (label, sentence, heading…) that names a subject decides."""
    for text in texts:
        for group, words, _, _ in GROUPS:
            if any(word in text for word in words):
                return group
    return None


def key_word(label: str, unit: str) -> str:
    """The name in a figure's key: a word of its label (the last one named), else its unit's."""
    found = [(match.start(), KEY_WORDS[match.group(0)])
             for match in re.finditer("|".join(map(re.escape, _KEY_WORDS)), label)]
    if unit == "percent":
        rates = [word for _, word in found if word.endswith("rate")]
        if rates:
            return rates[-1]
        return "rate"
    if unit == "person_time":
        return "person_times"
    if unit in ("wan_yuan", "yuan", "yi_yuan"):
        return next((word for _, word in reversed(found) if word in ("amount", "funding", "funds", "fines")), "amount")
    words = [word for _, word in found if not word.endswith("rate")]
    return words[-1] if words else UNIT_WORDS.get(unit, "figure")


def unit_word(unit: str) -> str:
    return UNIT_WORDS.get(unit, "figure")


def unique(name: str, taken: set[str], *, sep: str = "-") -> str:
    """`name`, or name-2, name-3… when it is taken; the result is added to `taken`."""
    candidate, number = name, 2
    while candidate in taken:
        candidate, number = f"{name}{sep}{number}", number + 1
    taken.add(candidate)
    return candidate
