# ruff: noqa: E501
"""Builds proofstage's bundled demo sample: three Northwind Analytics reps' sent mail and calendars.

    python api/sample/build_sample.py

Writes, next to this file and always byte for byte the same:

- ``<rep address>/sent.mbox``: the rep's sent mail (every message From the rep), buyer replies
  quoted below the rep's text the way Gmail ("On ... wrote:" and "> ") and Outlook ("From:/Sent:"
  blocks) quote them;
- ``<rep address>/calendar.ics``: the rep's calendar (X-WR-CALNAME is the rep's address);
- ``expected.yml``: per buyer domain the deal, rep, stage and leak expected at ``as_of``, and for
  every message and event the evidence kinds it should yield with the exact sentence (or calendar
  fact) that proves each, or why it yields nothing;
- ``sample.yml``: the sample's own "now" (``as_of``) and a description.

Only the standard library is used. ``check_sample.py`` beside it parses everything back.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import textwrap
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from email.generator import BytesGenerator
from email.message import EmailMessage
from email.mime.text import MIMEText
from email.utils import format_datetime, formataddr
from pathlib import Path

HERE = Path(__file__).resolve().parent
SELLER_DOMAIN = "northwind-analytics.com"
AS_OF = "2026-10-01T00:00:00Z"
AS_OF_DT = datetime(2026, 10, 1, tzinfo=UTC)
HELD = {"demo": "demo_held", "technical": "technical_meeting_held", "general": "meeting_held"}


def t(text: str) -> str:
    """A text block written indented in this file, without the indent and outer blank lines."""
    return textwrap.dedent(text).strip("\n")


# ---------------------------------------------------------------------------------------------
# People and organizations
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Org:
    name: str
    domain: str
    tz: str  # "-0500": the offset their mail client shows times in (summer 2026)
    mail: str  # "google" or "outlook": how their message ids look
    footer: str = ""


@dataclass(frozen=True)
class Person:
    name: str
    email: str
    title: str = ""

    @property
    def domain(self) -> str:
        return self.email.rpartition("@")[2]

    def cn(self, short: str = "") -> str:
        """The display name on a calendar invite; senior buyers carry their title."""
        return f"{self.name} ({short})" if short else self.name


NW = Org("Northwind Analytics", SELLER_DOMAIN, "-0700", "google")
LAW_NOTICE = (
    "CONFIDENTIALITY NOTICE: This e-mail is from the law firm of Okafor Lindqvist LLP and may "
    "contain information that is privileged and confidential. If you are not the intended "
    "recipient, please notify the sender and delete this message without reading, copying or "
    "forwarding it."
)
ORGS = {
    o.domain: o
    for o in [
        NW,
        Org("Harborline Freight Logistics", "harborline-freight.com", "-0500", "google"),
        Org("Bluebird Home & Garden", "bluebird-homegarden.com", "-0400", "google"),
        Org("Keller & Vance Precision Components", "kellervance-mfg.com", "-0400", "outlook"),
        Org("St. Brendan's Health Partners", "stbrendans-health.org", "-0500", "outlook"),
        Org("Ledgerly Payments", "ledgerly-pay.com", "-0500", "google"),
        Org("Cascadia State University", "cascadia-state.edu", "-0700", "google"),
        Org("Okafor Lindqvist LLP", "okaforlindqvist.com", "-0500", "outlook", LAW_NOTICE),
        Org("Brandt Data Advisory", "gmail.com", "-0700", "google"),
    ]
}

# Northwind
ANA = Person("Ana Diaz", "ana.diaz@northwind-analytics.com", "Senior Account Executive")
MARCUS = Person("Marcus Chen", "marcus.chen@northwind-analytics.com", "Account Executive")
PRIYA = Person(
    "Priya Natarajan", "priya.natarajan@northwind-analytics.com", "Enterprise Account Executive"
)
KENJI = Person("Kenji Watanabe", "kenji.watanabe@northwind-analytics.com", "Solutions Engineer")
GRACE_LIU = Person("Grace Liu", "grace.liu@northwind-analytics.com", "Security & Compliance Lead")
LEAH = Person("Leah Morgan", "leah.morgan@northwind-analytics.com", "Customer Success Manager")
TOMAS = Person("Tomás Ferreira", "tomas.ferreira@northwind-analytics.com", "Solutions Engineer")
# Harborline Freight Logistics (logistics, Memphis)
DANA = Person("Dana Whitaker", "dana.whitaker@harborline-freight.com", "VP Operations")
RAJ = Person("Raj Patel", "raj.patel@harborline-freight.com", "IT Director")
MARIA = Person("Maria Lopez", "maria.lopez@harborline-freight.com", "Chief Financial Officer")
KEVIN = Person("Kevin O'Brien", "kevin.obrien@harborline-freight.com", "Procurement Manager")
LENA = Person("Lena Brooks", "lena.brooks@harborline-freight.com", "Operations Analyst")
SUNIL = Person("Sunil Mehta", "sunil.mehta@harborline-freight.com", "Data Engineer")
TYLER = Person("Tyler Grant", "tyler.grant@harborline-freight.com", "Security Analyst")
# Bluebird Home & Garden (retail, Columbus)
TOM = Person(
    "Tom Hadley", "tom.hadley@bluebird-homegarden.com", "Director of Merchandising Analytics"
)
CARLA = Person("Carla Jimenez", "carla.jimenez@bluebird-homegarden.com", "VP Merchandising")
EVAN = Person("Evan Price", "evan.price@bluebird-homegarden.com", "Head of IT")
NADIA = Person("Nadia Rahman", "nadia.rahman@bluebird-homegarden.com", "Security Engineer")
# Keller & Vance Precision Components (manufacturing, Dayton)
BETH = Person("Beth Sandoval", "beth.sandoval@kellervance-mfg.com", "Plant Controller")
GREG = Person("Greg Adler", "greg.adler@kellervance-mfg.com", "VP Manufacturing")
JUERGEN = Person("Jürgen Köhler", "juergen.koehler@kellervance-mfg.com", "Head of IT")
OKSANA = Person("Oksana Petrenko", "oksana.petrenko@kellervance-mfg.com", "Cost Accountant")
DMITRI = Person("Dmitri Volkov", "dmitri.volkov@kellervance-mfg.com", "ERP Administrator")
# St. Brendan's Health Partners (healthcare, Milwaukee)
PATRICIA = Person(
    "Patricia Gomez", "patricia.gomez@stbrendans-health.org", "Director of Revenue Cycle"
)
SAMUEL = Person("Samuel Okonkwo", "samuel.okonkwo@stbrendans-health.org", "Chief Financial Officer")
LINDA = Person("Linda Hsu", "linda.hsu@stbrendans-health.org", "Chief Information Security Officer")
BRIAN = Person("Brian Kowalski", "brian.kowalski@stbrendans-health.org", "IT Director")
JANET = Person("Janet Moore", "janet.moore@stbrendans-health.org", "Revenue Cycle Analyst")
MONICA = Person("Monica Reed", "monica.reed@stbrendans-health.org", "Contracts Manager")
# Ledgerly Payments (fintech, Austin)
RACHEL = Person("Rachel Kim", "rachel.kim@ledgerly-pay.com", "VP Finance")
OWEN = Person("Owen Fitzgerald", "owen.fitzgerald@ledgerly-pay.com", "Finance Operations Manager")
# Cascadia State University (university, Portland)
HELEN = Person(
    "Helen Marsh", "helen.marsh@cascadia-state.edu", "Director of Institutional Research"
)
KWAME = Person("Kwame Mensah", "kwame.mensah@cascadia-state.edu", "Senior Data Analyst")
ROBERT = Person(
    "Robert Lang", "robert.lang@cascadia-state.edu", "Vice President for Finance and Administration"
)
SOFIA = Person(
    "Sofia Marchetti", "sofia.marchetti@cascadia-state.edu", "Director of Enterprise Applications"
)
# Okafor Lindqvist LLP (law firm, Chicago)
GRACE = Person("Grace Mwangi", "grace.mwangi@okaforlindqvist.com", "Chief Operating Officer")
ADAEZE = Person("Adaeze Okafor", "adaeze.okafor@okaforlindqvist.com", "Managing Partner")
LIAM = Person("Liam Foster", "liam.foster@okaforlindqvist.com", "IT Director")
DANIEL = Person("Daniel Ruiz", "daniel.ruiz@okaforlindqvist.com", "Procurement Manager")
HANA = Person("Hana Sato", "hana.sato@okaforlindqvist.com", "Information Security Manager")
# an independent consultant on free mail: a contact, never an account
HANNAH = Person("Hannah Brandt", "hannah.brandt.bi@gmail.com", "Independent BI consultant")

NW_FOOTER = t(
    """
    --
    Northwind Analytics, Inc. | 1200 Western Ave, Suite 800, Seattle, WA 98101
    CONFIDENTIALITY: This email and any attachments are intended only for the named recipient(s) and may contain confidential information. If you received it in error, please notify the sender and delete it.
    """
)


@dataclass(frozen=True)
class Rep:
    person: Person
    tz: str
    client: str  # "gmail" or "outlook": how this rep's replies quote and forward
    signature: str
    footer: bool
    cte: str  # content-transfer-encoding of the text parts this rep's client writes


REPS = {
    "ana": Rep(
        ANA,
        "-0700",
        "gmail",
        "Ana Diaz\nSenior Account Executive | Northwind Analytics\n+1 (206) 555-0142 | northwind-analytics.com",
        False,
        "8bit",
    ),
    "marcus": Rep(
        MARCUS,
        "-0500",
        "outlook",
        "Marcus Chen\nAccount Executive | Northwind Analytics\nM +1 (312) 555-0187",
        True,
        "quoted-printable",
    ),
    "priya": Rep(
        PRIYA,
        "-0400",
        "outlook",
        "Priya Natarajan\nEnterprise Account Executive\nNorthwind Analytics | northwind-analytics.com | +1 (617) 555-0119",
        True,
        "8bit",
    ),
}


def sig(person: Person, *extra: str) -> str:
    """A buyer's signature block: name, title, organization, then any extra lines."""
    org = ORGS[person.domain]
    lines = [person.name, person.title, org.name, *extra]
    block = "\n".join(lines)
    return block + ("\n\n" + org.footer if org.footer else "")


# ---------------------------------------------------------------------------------------------
# Interactions
# ---------------------------------------------------------------------------------------------


def tzinfo(offset: str) -> timezone:
    sign = -1 if offset[0] == "-" else 1
    return timezone(sign * timedelta(hours=int(offset[1:3]), minutes=int(offset[3:5])))


def local(when: str, offset: str) -> datetime:
    return datetime.strptime(when, "%Y-%m-%d %H:%M").replace(tzinfo=tzinfo(offset))


def utc(when: str) -> datetime:
    return datetime.strptime(when, "%Y-%m-%d %H:%M").replace(tzinfo=UTC)


def iso(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Quote:
    """A buyer's message as it appears below the rep's reply (or inside a forward)."""

    author: Person
    at: str  # local time of the rep's mailbox, "YYYY-MM-DD HH:MM"
    text: str
    to: list[Person] | None = None  # default: the rep
    cc: list[Person] = field(default_factory=list)
    subject: str | None = None  # default: the reply's subject
    nested: str | None = None  # key of the rep's earlier message the buyer's reply quotes


@dataclass
class Mail:
    key: str
    rep: str
    at: str  # local time of the rep, "YYYY-MM-DD HH:MM"
    to: list[Person]
    subject: str
    text: str  # the rep's new words, without signature
    deal: str  # buyer domain, "contact:<email>" or "internal"
    cc: list[Person] = field(default_factory=list)
    thread: str | None = None
    quote: Quote | None = None
    forward: Quote | None = None
    fmt: str = "plain"  # plain, alt (text + html), html (html only), latin1 (iso-8859-1 text)
    ev: dict[str, str] = field(default_factory=dict)  # kind -> exact sentence
    actor: str = "buyer"  # "seller" when the evidence is the rep reporting the buyer's action
    nothing: str | None = None  # why the message yields no evidence
    not_: dict[str, str] = field(default_factory=dict)  # kinds it must not yield, and why

    @property
    def sent(self) -> datetime:
        return local(self.at, REPS[self.rep].tz)

    @property
    def message_id(self) -> str:
        return f"<{self.sent.astimezone(UTC):%Y%m%d%H%M%S}.{self.key}@mail.{SELLER_DOMAIN}>"


@dataclass
class Att:
    person: Person
    partstat: str = "ACCEPTED"
    short: str = ""  # title shown in the CN, for senior buyers


@dataclass
class Event:
    key: str
    rep: str
    summary: str
    start: str  # UTC "YYYY-MM-DD HH:MM"
    minutes: int
    modified: str  # UTC: when the event was created or last changed (LAST-MODIFIED, DTSTAMP)
    deal: str
    attendees: list[Att]
    description: str
    category: str  # demo, technical, general
    created: str | None = None
    status: str = "CONFIRMED"
    organizer: Att | None = None  # default: the rep
    location: str = ""
    uid: str | None = None
    ev: dict[str, str] = field(default_factory=dict)  # kind at as_of -> calendar fact
    nothing: str | None = None
    not_: dict[str, str] = field(default_factory=dict)

    @property
    def the_uid(self) -> str:
        return self.uid or f"nw-{self.key}@{SELLER_DOMAIN}"

    @property
    def begins(self) -> datetime:
        return utc(self.start)

    @property
    def ends(self) -> datetime:
        return self.begins + timedelta(minutes=self.minutes)


@dataclass
class Deal:
    domain: str
    name: str
    rep: str
    stage: str
    leaked: bool
    story: str
    leak_reason: str | None = None


def accepted(p: Person) -> str:
    return f"{p.email} accepted"


def exec_accepted(p: Person, short: str) -> str:
    return f"{p.cn(short)} accepted"


# ---------------------------------------------------------------------------------------------
# The deals at as_of (buyer_journey)
# ---------------------------------------------------------------------------------------------

DEALS = [
    Deal(
        "harborline-freight.com",
        "Harborline Freight Logistics: operations reporting platform",
        "ana",
        "advocacy",
        False,
        "Inbound from the VP Operations after a webinar; discovery, demo, technical review; CFO confirms "
        "budget, VP Operations and CFO approve the edited deployment plan; CFO commits; procurement "
        "acknowledges the MSA with a signature date, then sends the executed documents and a PO; the "
        "VP Operations refers a peer and offers a case study.",
    ),
    Deal(
        "bluebird-homegarden.com",
        "Bluebird Home & Garden: merchandising analytics",
        "ana",
        "consideration",
        True,
        "Cold outreach answered; discovery, demo with the VP Merchandising, security and integration "
        "review with the Head of IT, fit confirmed; the pricing review is postponed and cancelled, then "
        "the VP Merchandising writes that they chose another vendor (disengaged).",
        "the buyer disengaged",
    ),
    Deal(
        "kellervance-mfg.com",
        "Keller & Vance Precision: multi-plant close reporting",
        "priya",
        "consideration",
        True,
        "Inbound from the plant controller; intro call, demo, architecture session with the Head of IT, "
        "fit confirmed, proposal acknowledged, but the budget is not approved; the buyer keeps replying "
        "without moving, and the rep's two September follow-ups get no reply (stall: no buyer "
        "reaction since 2026-08-21).",
        "no buyer reaction since 2026-08-21 (allowed 30 days)",
    ),
    Deal(
        "stbrendans-health.org",
        "St. Brendan's Health Partners: denial and revenue-cycle analytics",
        "marcus",
        "decision",
        False,
        "Cold outreach answered after two tries; discovery, demo (CFO declined), security review with "
        "the CISO, fit confirmed by the CISO, budget confirmed, CFO approves the edited deployment "
        "plan and commits verbally; the MSA, order form and BAA are sent but not yet acknowledged.",
    ),
    Deal(
        "ledgerly-pay.com",
        "Ledgerly Payments: reconciliation dashboards",
        "marcus",
        "awareness",
        False,
        "Two cold emails to the VP Finance go unanswered; in September the finance operations "
        "manager asks for material but declines a call; the rep's placeholder invite has no response.",
    ),
    Deal(
        "cascadia-state.edu",
        "Cascadia State University: institutional research reporting",
        "priya",
        "engagement",
        False,
        "Cold outreach answered; discovery held, demo held, sandbox; IT asks for a technical review, "
        "accepted for October 8, so the technical meeting has not happened yet.",
    ),
    Deal(
        "okaforlindqvist.com",
        "Okafor Lindqvist LLP: practice analytics",
        "priya",
        "advocacy",
        False,
        "Inbound from the COO; discovery (organised by the buyer), demo with the managing partner, "
        "security review, pricing works, managing partner approves the rollout plan with a change and "
        "commits; procurement acknowledges the MSA with a target date; signed; onboarding; the COO "
        "offers a reference and the firm's logo.",
    ),
]


# ---------------------------------------------------------------------------------------------
# Ana Diaz: Harborline Freight Logistics, Bluebird Home & Garden, a free-mail consultant
# ---------------------------------------------------------------------------------------------

HFL = "harborline-freight.com"
BBH = "bluebird-homegarden.com"

MAILS: list[Mail] = [
    Mail(
        "hfl-01",
        "ana",
        "2026-06-02 08:41",
        [DANA],
        "Re: Lane-level profitability webinar - follow-up",
        t(
            """
            Hi Dana,

            Thanks for reaching out, and I'm glad the webinar was useful. Manual scorecard assembly from several TMS exports is something we see a lot in freight, usually because the exports don't share carrier IDs.

            I've attached our logistics overview and a short write-up on consolidating TMS data in Snowflake. Rather than send more reading, it might be easier to walk through your setup live. Would Thursday, June 11 at 10am Pacific work for a 45-minute discovery call? Happy to include anyone from IT you'd like.

            Best,
            """
        ),
        HFL,
        thread="hfl-a",
        fmt="alt",
        quote=Quote(
            DANA,
            "2026-06-01 16:12",
            t(
                """
                Hi Ana,

                I sat in on your webinar last Thursday on lane-level profitability reporting. Our ops team spends roughly two days every month stitching together carrier scorecards from three TMS exports and a pile of spreadsheets, and by the time the numbers reach the regional managers they're already stale.

                Could you send me some material on how Northwind handles multi-source freight data?

                Thanks,
                Dana

                """
            )
            + "\n\n"
            + sig(DANA, "4100 Airways Blvd, Memphis, TN 38116", "+1 (901) 555-0176"),
            subject="Lane-level profitability webinar - follow-up",
        ),
        ev={
            "interest_shown": "Could you send me some material on how Northwind handles multi-source freight data?",
            "outcome_shared": "Our ops team spends roughly two days every month stitching together carrier scorecards from three TMS exports and a pile of spreadsheets, and by the time the numbers reach the regional managers they're already stale.",
            "executive_engaged": "VP Operations",
        },
    ),
    Mail(
        "hfl-02",
        "ana",
        "2026-06-12 09:20",
        [DANA],
        "Harborline + Northwind: recap and next steps",
        t(
            """
            Dana, Raj,

            Thanks for your time yesterday. A quick recap so we're working from the same page:

            - Today: three TMS exports (Oracle OTM for truckload, two regional LTL systems) land in Snowflake nightly, and the scorecards are assembled by hand in Excel.
            - Goal: carrier and lane scorecards in the regional managers' hands on Monday mornings, not mid-month.
            - As you mentioned, Maria Lopez, your CFO, will need to sign off on anything over $50k, and Kevin O'Brien runs the procurement process.

            Next step is a product demonstration built on a sample of your lane data. I've sent an invite for Tuesday, June 23 at 9am Pacific; please forward it to anyone I missed.

            Best,
            """
        ),
        HFL,
        cc=[RAJ],
        thread="hfl-b",
        actor="seller",
        ev={
            "meeting_held": "Thanks for your time yesterday.",
            "outcome_shared": "Goal: carrier and lane scorecards in the regional managers' hands on Monday mornings, not mid-month.",
            "stakeholders_identified": "As you mentioned, Maria Lopez, your CFO, will need to sign off on anything over $50k, and Kevin O'Brien runs the procurement process.",
        },
        not_={
            "executive_engaged": "the CFO is only named by the rep; she does not act in this message"
        },
    ),
    Mail(
        "hfl-03",
        "ana",
        "2026-06-24 10:05",
        [RAJ],
        "Re: Harborline + Northwind: recap and next steps",
        t(
            """
            Hi Raj,

            Glad it landed well. I'll send the invite for Tuesday, July 7 at 1pm Central (11am Pacific) with Kenji Watanabe, our solutions engineer, who built the OTM connector. If Sunil can share a sample of the shipment and invoice tables beforehand, Kenji will have the mappings ready to review.

            Best,
            """
        ),
        HFL,
        cc=[DANA, KENJI],
        thread="hfl-b",
        fmt="alt",
        quote=Quote(
            RAJ,
            "2026-06-24 07:48",
            t(
                """
                Ana,

                Thanks for the demo yesterday. The regional managers were impressed by the lane-level drilldowns.

                Before we go further I need our data engineering and security people to look at how you connect to Oracle OTM and to our Snowflake account. Tuesday, July 7 at 1pm Central works on our side for a technical session; Sunil Mehta from data engineering will join me.

                Raj

                """
            )
            + "\n\n"
            + sig(RAJ, "+1 (901) 555-0133"),
            cc=[DANA],
        ),
        ev={
            "demo_held": "Thanks for the demo yesterday.",
            "stakeholders_identified": "Before we go further I need our data engineering and security people to look at how you connect to Oracle OTM and to our Snowflake account.",
            "meeting_scheduled": "Tuesday, July 7 at 1pm Central works on our side for a technical session; Sunil Mehta from data engineering will join me.",
        },
        not_={
            "solution_fit_confirmed": "praise for a feature shown in the demo is not a confirmed fit"
        },
    ),
    Mail(
        "hfl-04",
        "ana",
        "2026-07-08 14:10",
        [DANA],
        "Re: Next steps after the technical review",
        t(
            """
            Thank you, Dana, and welcome Maria and Kevin.

            Attached is our proposal for 40 analyst seats and 200 viewer licenses on a three-year term, including the OTM and Snowflake connectors and a fixed-fee implementation. The proposal also includes a sample onboarding timeline.

            Happy to walk Maria and Kevin through the numbers whenever suits.

            Best,
            """
        ),
        HFL,
        cc=[MARIA, KEVIN, RAJ],
        thread="hfl-c",
        fmt="alt",
        quote=Quote(
            DANA,
            "2026-07-08 11:02",
            t(
                """
                Ana,

                Raj tells me the technical session went well and the Snowflake connector covers what we need. I've copied Maria Lopez, our CFO, and Kevin O'Brien from procurement so they see the numbers early.

                Our target is to have the regional scorecards live before peak season starts in mid-October. Can you send a proposal for 40 analyst seats and 200 viewers?

                Dana

                """
            )
            + "\n\n"
            + sig(DANA),
            cc=[MARIA, KEVIN, RAJ],
            subject="Next steps after the technical review",
        ),
        ev={
            "technical_meeting_held": "Raj tells me the technical session went well and the Snowflake connector covers what we need.",
            "solution_fit_confirmed": "Raj tells me the technical session went well and the Snowflake connector covers what we need.",
            "stakeholders_identified": "I've copied Maria Lopez, our CFO, and Kevin O'Brien from procurement so they see the numbers early.",
            "timeline_given": "Our target is to have the regional scorecards live before peak season starts in mid-October.",
            "interest_shown": "Can you send a proposal for 40 analyst seats and 200 viewers?",
            "executive_engaged": "VP Operations",
        },
    ),
    Mail(
        "hfl-05",
        "ana",
        "2026-07-15 16:45",
        [MARIA],
        "Re: Next steps after the technical review",
        t(
            """
            Thank you, Maria. I'll put together a week-by-week deployment plan with Kenji and our onboarding lead and send it over by Tuesday.

            Best,
            """
        ),
        HFL,
        cc=[DANA],
        thread="hfl-c",
        quote=Quote(
            MARIA,
            "2026-07-15 13:30",
            t(
                """
                Ana,

                Thank you for the proposal, which I reviewed this morning. The pricing is within what we set aside for this in the FY27 operating budget.

                Before we commit I'd like to see an implementation plan: who does what, week by week, through go-live.

                Regards,
                Maria

                """
            )
            + "\n\n"
            + sig(MARIA, "T +1 (901) 555-0102"),
            cc=[DANA],
        ),
        ev={
            "proposal_acknowledged": "Thank you for the proposal, which I reviewed this morning.",
            "budget_confirmed": "The pricing is within what we set aside for this in the FY27 operating budget.",
            "interest_shown": "Before we commit I'd like to see an implementation plan: who does what, week by week, through go-live.",
            "executive_engaged": "Chief Financial Officer",
        },
        not_={"verbal_commitment": '"before we commit" is not a commitment'},
    ),
    Mail(
        "hfl-06",
        "ana",
        "2026-07-21 10:30",
        [MARIA, DANA],
        "Harborline deployment plan (draft for review)",
        t(
            """
            Maria, Dana,

            Attached is the draft deployment plan: eleven weeks from kickoff to go-live, with owners on both sides for each workstream (connectors, data model, scorecard build, training, UAT). It assumes a kickoff in the last week of August.

            Does Thursday at 2pm Central work to walk through it? If another time is easier, just say.

            Best,
            """
        ),
        HFL,
        cc=[RAJ],
        thread="hfl-d",
        fmt="alt",
        nothing="seller activity: the rep sends a plan and proposes a time",
    ),
    Mail(
        "hfl-07",
        "ana",
        "2026-07-27 11:20",
        [DANA],
        "Re: Harborline deployment plan (draft for review)",
        t(
            """
            Dana, that's great to hear, and both changes make sense. The updated plan with the UAT week is attached, and I've sent the invite for Monday, August 3 at 10am Central.

            Best,
            """
        ),
        HFL,
        cc=[MARIA, RAJ],
        thread="hfl-d",
        fmt="alt",
        quote=Quote(
            DANA,
            "2026-07-27 08:55",
            t(
                """
                Ana,

                Maria and I went through the deployment plan on Friday. We moved the driver-scorecard rollout to week 6 and added a UAT week for the Memphis hub; with those changes we both approve the plan as attached.

                Let's lock in a commercial review: Monday, August 3 at 10am Central works for Maria, Raj and me.

                Dana

                """
            )
            + "\n\n"
            + sig(DANA),
            cc=[MARIA, RAJ],
            nested="hfl-06",
        ),
        ev={
            "stakeholders_identified": "Maria and I went through the deployment plan on Friday.",
            "plan_agreed": "We moved the driver-scorecard rollout to week 6 and added a UAT week for the Memphis hub; with those changes we both approve the plan as attached.",
            "solution_fit_confirmed": "We moved the driver-scorecard rollout to week 6 and added a UAT week for the Memphis hub; with those changes we both approve the plan as attached.",
            "meeting_scheduled": "Monday, August 3 at 10am Central works for Maria, Raj and me.",
            "executive_engaged": "VP Operations",
        },
    ),
    Mail(
        "hfl-08",
        "ana",
        "2026-08-04 09:15",
        [MARIA],
        "Re: Harborline x Northwind: commercial review",
        t(
            """
            Maria, Dana, thank you both. That's wonderful news, and we're looking forward to getting your regional managers their Monday scorecards.

            Kevin, I'll send the order form and MSA over to you this morning.

            Best,
            """
        ),
        HFL,
        cc=[DANA, KEVIN],
        thread="hfl-e",
        quote=Quote(
            MARIA,
            "2026-08-04 07:02",
            t(
                """
                Ana,

                Dana and I have decided to move forward with Northwind for the operations reporting platform. Please send the order form and MSA to Kevin O'Brien, who will route them through procurement and legal.

                Maria

                """
            )
            + "\n\n"
            + sig(MARIA, "T +1 (901) 555-0102"),
            cc=[DANA, KEVIN],
            subject="Harborline x Northwind: commercial review",
        ),
        ev={
            "verbal_commitment": "Dana and I have decided to move forward with Northwind for the operations reporting platform.",
            "stakeholders_identified": "Please send the order form and MSA to Kevin O'Brien, who will route them through procurement and legal.",
            "executive_engaged": "Chief Financial Officer",
        },
        not_={
            "interest_shown": "asking for the contract after deciding is part of verbal_commitment"
        },
    ),
    Mail(
        "hfl-09",
        "ana",
        "2026-08-04 10:02",
        [KEVIN],
        "Fwd: Harborline x Northwind: commercial review",
        t(
            """
            Hi Kevin,

            Forwarding Maria's note below for context. Attached are the order form and our master subscription agreement for your review; the order form reflects the three-year pricing in the July proposal.

            If your legal team has redlines, send them my way and I'll get our counsel on them quickly.

            Best,
            """
        ),
        HFL,
        cc=[DANA],
        thread="hfl-g",
        fmt="alt",
        forward=Quote(
            MARIA,
            "2026-08-04 07:02",
            t(
                """
                Ana,

                Dana and I have decided to move forward with Northwind for the operations reporting platform. Please send the order form and MSA to Kevin O'Brien, who will route them through procurement and legal.

                Maria

                """
            )
            + "\n\n"
            + sig(MARIA, "T +1 (901) 555-0102"),
            cc=[DANA, KEVIN],
            subject="RE: Harborline x Northwind: commercial review",
        ),
        ev={
            "verbal_commitment": "Dana and I have decided to move forward with Northwind for the operations reporting platform.",
            "stakeholders_identified": "Please send the order form and MSA to Kevin O'Brien, who will route them through procurement and legal.",
            "executive_engaged": "Chief Financial Officer",
        },
        not_={"contract_acknowledged": "the rep sending the contract is seller activity"},
    ),
    Mail(
        "hfl-10",
        "ana",
        "2026-08-12 13:40",
        [KEVIN],
        "Re: Fwd: Harborline x Northwind: commercial review",
        t(
            """
            Thanks, Kevin. Our counsel has accepted both redlines; the updated MSA is attached with the changes tracked. Friday the 21st works well for us.

            Best,
            """
        ),
        HFL,
        cc=[DANA],
        thread="hfl-g",
        quote=Quote(
            KEVIN,
            "2026-08-12 10:15",
            t(
                """
                Hi Ana,

                Confirming we received the MSA and order form. Legal had two small redlines on the limitation of liability clause, marked up in the attached copy. We expect to have it signed on our side by Friday, August 21.

                Thanks,
                Kevin

                """
            )
            + "\n\n"
            + sig(KEVIN),
            cc=[DANA],
        ),
        ev={
            "contract_acknowledged": "Confirming we received the MSA and order form.",
            "stakeholders_identified": "Legal had two small redlines on the limitation of liability clause, marked up in the attached copy.",
            "timeline_given": "We expect to have it signed on our side by Friday, August 21.",
        },
    ),
    Mail(
        "hfl-11",
        "ana",
        "2026-08-21 15:05",
        [KEVIN],
        "Re: Fwd: Harborline x Northwind: commercial review",
        t(
            """
            Thank you, Kevin, and thank you all. Leah Morgan from our customer success team will reach out today to schedule the onboarding kickoff.

            Best,
            """
        ),
        HFL,
        cc=[DANA, MARIA],
        thread="hfl-g",
        fmt="alt",
        quote=Quote(
            KEVIN,
            "2026-08-21 12:47",
            t(
                """
                Ana,

                The fully executed MSA and order form are attached, and PO 4500127733 has been issued for the first year.

                Kevin

                """
            )
            + "\n\n"
            + sig(KEVIN),
            cc=[DANA, MARIA],
        ),
        ev={
            "contract_signed": "The fully executed MSA and order form are attached, and PO 4500127733 has been issued for the first year.",
        },
    ),
    Mail(
        "hfl-12",
        "ana",
        "2026-09-22 10:12",
        [DANA],
        "Re: Three weeks in",
        t(
            """
            Dana, that's the best email I've had all month. Thank you for the introduction to Paul; I'll call him this week. And yes to the case study: I'll ask our marketing lead, Jess, to send you a few dates in October.

            Best,
            """
        ),
        HFL,
        thread="hfl-f",
        fmt="alt",
        quote=Quote(
            DANA,
            "2026-09-21 17:30",
            t(
                """
                Ana,

                Three weeks in, the regional managers are getting their carrier scorecards on Monday morning instead of mid-month, which is exactly what we were after.

                I mentioned you to Paul Ferris, COO at Tidewater Cold Chain; he has the same spreadsheet problem and is expecting your call. I'm also happy to do a short case study with your marketing team if that helps.

                Dana

                """
            )
            + "\n\n"
            + sig(DANA),
            subject="Three weeks in",
        ),
        ev={
            "outcome_shared": "Three weeks in, the regional managers are getting their carrier scorecards on Monday morning instead of mid-month, which is exactly what we were after.",
            "advocacy": "I mentioned you to Paul Ferris, COO at Tidewater Cold Chain; he has the same spreadsheet problem and is expecting your call.",
            "executive_engaged": "VP Operations",
        },
        not_={
            "stakeholders_identified": "Paul Ferris is outside the buyer's company: a referral is advocacy"
        },
    ),
    # --- Bluebird Home & Garden ---
    Mail(
        "bbh-01",
        "ana",
        "2026-06-08 07:55",
        [TOM],
        "Weekly sell-through reporting at Bluebird",
        t(
            """
            Hi Tom,

            Congratulations on the thirty new stores announced for next spring. Growth like that usually puts pressure on whoever builds the weekly sell-through and in-stock reports.

            Northwind Analytics connects to POS, e-commerce and ERP data and gives merchants and planners a live store-cluster view, without the Monday spreadsheet marathon. Retailers like Pine & Porch cut their weekly reporting time by about 70%.

            Would you be open to a 30-minute conversation in the next couple of weeks?

            Best,
            """
        ),
        BBH,
        thread="bbh-a",
        fmt="alt",
        nothing="cold outreach: the rep's generic benefits, no buyer reaction",
    ),
    Mail(
        "bbh-02",
        "ana",
        "2026-06-10 09:30",
        [TOM],
        "Re: Weekly sell-through reporting at Bluebird",
        t(
            """
            Great, Tom. Wednesday, June 17 at 11am Eastern it is; the invite is on its way. If it's useful, bring one of the Monday workbooks and we can look at where the time goes.

            Best,
            """
        ),
        BBH,
        thread="bbh-a",
        fmt="alt",
        quote=Quote(
            TOM,
            "2026-06-10 05:47",
            t(
                """
                Hi Ana,

                Timing is good, actually. Our weekly sell-through reporting is built by hand from the POS extracts and takes two analysts most of Monday.

                I'd be open to a call. Wednesday, June 17 at 11am Eastern works for me.

                Tom

                """
            )
            + "\n\n"
            + sig(TOM),
            nested="bbh-01",
        ),
        ev={
            "interest_shown": "Timing is good, actually.",
            "outcome_shared": "Our weekly sell-through reporting is built by hand from the POS extracts and takes two analysts most of Monday.",
            "meeting_scheduled": "Wednesday, June 17 at 11am Eastern works for me.",
        },
    ),
    Mail(
        "bbh-03",
        "ana",
        "2026-06-18 08:05",
        [TOM],
        "Bluebird + Northwind: demo on June 30",
        t(
            """
            Hi Tom,

            Thanks for the great conversation yesterday.

            I've put a product demonstration on the calendar for Tuesday, June 30 at 11am Eastern, using a sample of the POS extract structure you showed me. Carla, I've included you since the store-cluster view is built for planners; please forward the invite to anyone else who should see it.

            Best,
            """
        ),
        BBH,
        cc=[CARLA],
        thread="bbh-b",
        fmt="html",
        actor="seller",
        ev={"meeting_held": "Thanks for the great conversation yesterday."},
        not_={"executive_engaged": "the rep copying an executive is not the executive acting"},
    ),
    Mail(
        "bbh-04",
        "ana",
        "2026-07-01 10:20",
        [CARLA],
        "Re: Bluebird + Northwind: demo on June 30",
        t(
            """
            Thanks, Carla. Thursday, July 9 at 2pm Eastern works; I'll send the invite to Evan and Tom and bring Kenji and our security lead, Grace Liu. We'll cover the Shopify Plus and NetSuite connectors, SSO and our SOC 2 report.

            Best,
            """
        ),
        BBH,
        cc=[TOM, EVAN],
        thread="bbh-b",
        fmt="alt",
        quote=Quote(
            CARLA,
            "2026-07-01 06:58",
            t(
                """
                Thanks for yesterday's demo, Ana. The store-cluster view is close to what my planners have been asking for, but I need to know it will work with our Shopify Plus and NetSuite data before I commit more of the team's time.

                Evan runs IT and will want a security and integration review. Could we do that Thursday, July 9 at 2pm Eastern?

                Carla

                """
            )
            + "\n\n"
            + sig(CARLA),
            cc=[TOM],
        ),
        ev={
            "demo_held": "Thanks for yesterday's demo, Ana.",
            "stakeholders_identified": "Evan runs IT and will want a security and integration review.",
            "meeting_scheduled": "Could we do that Thursday, July 9 at 2pm Eastern?",
            "executive_engaged": "VP Merchandising",
        },
        not_={
            "solution_fit_confirmed": '"close to what my planners have been asking for, but" is hedged, not a confirmed fit'
        },
    ),
    Mail(
        "bbh-05",
        "ana",
        "2026-07-13 11:05",
        [EVAN],
        "Re: Security review + integration session (Bluebird)",
        t(
            """
            Thanks, Evan, good to hear. Pricing for 25 creator seats and unlimited viewers is attached, and I've booked Wednesday, July 22 at 10am Eastern for the pricing review.

            Best,
            """
        ),
        BBH,
        cc=[CARLA, TOM],
        thread="bbh-c",
        quote=Quote(
            EVAN,
            "2026-07-13 08:12",
            t(
                """
                Ana,

                The SOC 2 Type II report answers our security questionnaire, and SAML SSO through Okta is exactly what we need.

                Please send pricing for 25 creator seats and we can regroup on Wednesday, July 22 at 10am Eastern.

                Evan

                """
            )
            + "\n\n"
            + sig(EVAN),
            cc=[CARLA, TOM],
            subject="Security review + integration session (Bluebird)",
        ),
        ev={
            "solution_fit_confirmed": "The SOC 2 Type II report answers our security questionnaire, and SAML SSO through Okta is exactly what we need.",
            "interest_shown": "Please send pricing for 25 creator seats and we can regroup on Wednesday, July 22 at 10am Eastern.",
            "meeting_scheduled": "Please send pricing for 25 creator seats and we can regroup on Wednesday, July 22 at 10am Eastern.",
            "executive_engaged": "Head of IT",
        },
    ),
    Mail(
        "bbh-06",
        "ana",
        "2026-07-21 10:15",
        [TOM],
        "Re: Bluebird pricing review",
        t(
            """
            No problem at all, Tom. I've cancelled the invite for tomorrow; just let me know what works once the reset is behind you.

            Best,
            """
        ),
        BBH,
        thread="bbh-d",
        quote=Quote(
            TOM,
            "2026-07-21 09:02",
            t(
                """
                Hi Ana,

                We need to push tomorrow's pricing review; the team is tied up with the back-to-school floor reset. I'll come back to you with a new time.

                Tom

                """
            )
            + "\n\n"
            + sig(TOM),
            subject="Bluebird pricing review",
        ),
        nothing="postponing one slot without offering another is neither meeting_scheduled nor disengaged",
        not_={
            "disengaged": "only one meeting is postponed; the project is not paused",
            "meeting_scheduled": "no new date or time is offered",
        },
    ),
    Mail(
        "bbh-07",
        "ana",
        "2026-08-04 08:30",
        [TOM],
        "Re: Bluebird pricing review",
        t(
            """
            Hi Tom,

            Hope the floor reset went smoothly. Would any of these work to pick the pricing review back up?

            - Tuesday, Aug 11 at 11am Eastern
            - Wednesday, Aug 12 at 2pm Eastern
            - Thursday, Aug 13 at 10am Eastern

            Best,
            """
        ),
        BBH,
        thread="bbh-d",
        fmt="alt",
        nothing="the rep proposes times the buyer has not taken up",
    ),
    Mail(
        "bbh-08",
        "ana",
        "2026-08-14 12:40",
        [CARLA],
        "Re: Bluebird pricing review",
        t(
            """
            Carla, thank you for letting me know, and for telling me directly. I understand the appeal of keeping it inside the NetSuite contract. If the store-cluster reporting doesn't go the way you need, I'd be glad to pick the conversation back up.

            All the best to you and Tom,
            """
        ),
        BBH,
        cc=[TOM],
        thread="bbh-d",
        fmt="alt",
        quote=Quote(
            CARLA,
            "2026-08-14 10:05",
            t(
                """
                Ana,

                I wanted to tell you directly: after comparing options, we've decided to go with another vendor whose tool is already bundled with our NetSuite contract. Thank you for the time you and Kenji put into this.

                Carla

                """
            )
            + "\n\n"
            + sig(CARLA),
            cc=[TOM],
            nested="bbh-07",
        ),
        ev={
            "disengaged": "after comparing options, we've decided to go with another vendor whose tool is already bundled with our NetSuite contract.",
            "executive_engaged": "VP Merchandising",
        },
        not_={"verbal_commitment": '"we\'ve decided to go with" another vendor, not with us'},
    ),
    # --- a consultant on free mail: a contact, no account ---
    Mail(
        "con-01",
        "ana",
        "2026-08-19 13:25",
        [HANNAH],
        "Re: Partner program question",
        t(
            """
            Hi Hannah,

            Thanks for getting in touch. Our partner program overview is attached; consultants get a free, non-production workspace with sample data once they've completed the two-hour certification.

            Does Tuesday at 2pm work for a quick call to talk it through?

            Best,
            """
        ),
        "contact:" + HANNAH.email,
        thread="con-a",
        fmt="alt",
        quote=Quote(
            HANNAH,
            "2026-08-19 09:48",
            t(
                """
                Hi Ana,

                I'm an independent BI consultant working with a few regional distributors in the Pacific Northwest. Could you send me details of your partner program and whether consultants can get a demo environment?

                Best regards,
                Hannah Brandt
                Brandt Data Advisory
                hannah.brandt.bi@gmail.com | +1 (503) 555-0161
                """
            ),
            subject="Partner program question",
        ),
        ev={
            "interest_shown": "Could you send me details of your partner program and whether consultants can get a demo environment?",
        },
    ),
]


# ---------------------------------------------------------------------------------------------
# Marcus Chen: St. Brendan's Health Partners, Ledgerly Payments
# ---------------------------------------------------------------------------------------------

SBH = "stbrendans-health.org"
LGP = "ledgerly-pay.com"

MAILS += [
    Mail(
        "sbh-01",
        "marcus",
        "2026-06-15 08:10",
        [PATRICIA],
        "Denial trends by payer, before the quarter closes",
        t(
            """
            Hi Patricia,

            Most revenue-cycle teams I talk to only see denial trends by payer after the quarter has closed, when the appeal windows are already shrinking. Northwind Analytics pulls remittance (835) and claim (837) data into daily dashboards by payer, denial reason and facility, so your team can act while the claims are still recoverable.

            Would a 30-minute conversation be worthwhile? I'd be glad to share what a similar four-hospital system in Ohio changed in their first 90 days.

            Best regards,
            """
        ),
        SBH,
        thread="sbh-a",
        fmt="alt",
        nothing="cold outreach with no reply",
    ),
    Mail(
        "sbh-02",
        "marcus",
        "2026-06-22 08:05",
        [PATRICIA],
        "RE: Denial trends by payer, before the quarter closes",
        t(
            """
            Hi Patricia,

            Following up on my note from last week. Does Tuesday at 2pm work for a short introduction? If denials aren't a priority right now, just let me know and I'll stop filling your inbox.

            Best regards,
            """
        ),
        SBH,
        thread="sbh-a",
        nothing="follow-up with no reply; the rep proposing a time is not meeting_scheduled",
    ),
    Mail(
        "sbh-03",
        "marcus",
        "2026-06-25 11:30",
        [PATRICIA],
        "RE: Denial trends by payer, before the quarter closes",
        t(
            """
            Hi Patricia,

            Thank you, and no apology needed. Thursday, July 2 at 9am Central is in the calendar; I'll send a Teams invite shortly. If you can bring a rough split of last year's write-offs by payer, we can make the hour very concrete.

            Best regards,
            """
        ),
        SBH,
        thread="sbh-a",
        fmt="alt",
        quote=Quote(
            PATRICIA,
            "2026-06-25 09:14",
            t(
                """
                Hi Marcus,

                Sorry for the slow reply. Denial management is our top priority this year. We wrote off $3.2M in avoidable denials last fiscal year, and nobody can see the trend by payer until the quarter is over.

                I'd like to hear how you would approach it. I can do Thursday, July 2 at 9am Central.

                """
            )
            + "\n\n"
            + sig(PATRICIA, "414-555-0148"),
            nested="sbh-02",
        ),
        ev={
            "outcome_shared": "We wrote off $3.2M in avoidable denials last fiscal year, and nobody can see the trend by payer until the quarter is over.",
            "interest_shown": "I'd like to hear how you would approach it.",
            "meeting_scheduled": "I can do Thursday, July 2 at 9am Central.",
        },
    ),
    Mail(
        "sbh-04",
        "marcus",
        "2026-07-15 10:50",
        [PATRICIA],
        "RE: Demo: Northwind revenue-cycle dashboards",
        t(
            """
            Patricia,

            Great to hear. Wednesday, July 22 at 1pm Central works; I'll send the invite to Brian and Linda and bring Grace Liu, who leads security and compliance at Northwind. We'll send our HIPAA security questionnaire responses and a draft BAA ahead of time.

            Best regards,
            """
        ),
        SBH,
        cc=[BRIAN],
        thread="sbh-b",
        quote=Quote(
            PATRICIA,
            "2026-07-15 08:31",
            t(
                """
                Marcus,

                Thanks again for the demo yesterday; the payer drill-down got a lot of nods from my analysts.

                Brian Kowalski (IT Director) and Linda Hsu, our CISO, will need to review how PHI is handled before this can go any further. They've offered Wednesday, July 22 at 1pm Central.

                Patricia

                """
            )
            + "\n\n"
            + sig(PATRICIA),
            subject="Demo: Northwind revenue-cycle dashboards",
        ),
        ev={
            "demo_held": "Thanks again for the demo yesterday; the payer drill-down got a lot of nods from my analysts.",
            "stakeholders_identified": "Brian Kowalski (IT Director) and Linda Hsu, our CISO, will need to review how PHI is handled before this can go any further.",
            "meeting_scheduled": "They've offered Wednesday, July 22 at 1pm Central.",
        },
        not_={
            "executive_engaged": "the CISO is only named by Patricia; she does not act in this message"
        },
    ),
    Mail(
        "sbh-05",
        "marcus",
        "2026-07-24 09:40",
        [LINDA],
        "RE: Security review: PHI handling and HIPAA controls",
        t(
            """
            Thank you, Linda. Confirming that St. Brendan's data will be hosted only in our US regions (us-east-2 primary, us-west-2 for backups); I've added that to the BAA draft as a named commitment.

            Best regards,
            """
        ),
        SBH,
        cc=[BRIAN, PATRICIA],
        thread="sbh-c",
        fmt="alt",
        quote=Quote(
            LINDA,
            "2026-07-23 17:20",
            t(
                """
                Marcus,

                Thank you for the detailed answers to our questionnaire. With the BAA, encryption at rest and SSO through Azure AD, Northwind meets our requirements for PHI, provided the hosting stays in US regions.

                """
            )
            + "\n\n"
            + sig(LINDA),
            cc=[BRIAN, PATRICIA],
            subject="Security review: PHI handling and HIPAA controls",
        ),
        ev={
            "solution_fit_confirmed": "With the BAA, encryption at rest and SSO through Azure AD, Northwind meets our requirements for PHI, provided the hosting stays in US regions.",
            "executive_engaged": "Chief Information Security Officer",
        },
    ),
    Mail(
        "sbh-06",
        "marcus",
        "2026-07-28 14:15",
        [PATRICIA],
        "RE: Next steps: pricing",
        t(
            """
            Hi Patricia,

            Attached is our proposal for the four hospitals and the clinic network, on a three-year term with the BAA and US-only hosting included. I've sent Samuel and you an invite for Tuesday, August 11 at 10am Central.

            Best regards,
            """
        ),
        SBH,
        thread="sbh-d",
        quote=Quote(
            PATRICIA,
            "2026-07-28 11:02",
            t(
                """
                Hi Marcus,

                Samuel Okonkwo, our CFO, wants to see the numbers before we go further. Could you put together pricing for the four hospitals and the clinic network?

                He has Tuesday, August 11 at 10am Central open to go through it with us.

                Patricia
                """
            ),
            subject="Next steps: pricing",
        ),
        ev={
            "stakeholders_identified": "Samuel Okonkwo, our CFO, wants to see the numbers before we go further.",
            "interest_shown": "Could you put together pricing for the four hospitals and the clinic network?",
            "meeting_scheduled": "He has Tuesday, August 11 at 10am Central open to go through it with us.",
        },
        not_={"executive_engaged": "the CFO is only named; he does not act in this message"},
    ),
    Mail(
        "sbh-07",
        "marcus",
        "2026-08-12 09:05",
        [SAMUEL],
        "Follow-up: commercial review",
        t(
            """
            Samuel, Patricia,

            Thank you both for your time yesterday. Thanks for confirming that the three-year pricing works within your FY27 capital allocation. I've noted the January close as the date all four hospitals need to be live.

            I'll come back with a deployment plan that works back from January, hospital by hospital, by the end of next week.

            Best regards,
            """
        ),
        SBH,
        cc=[PATRICIA],
        thread="sbh-e",
        fmt="alt",
        actor="seller",
        ev={
            "meeting_held": "Thank you both for your time yesterday.",
            "budget_confirmed": "Thanks for confirming that the three-year pricing works within your FY27 capital allocation.",
            "timeline_given": "I've noted the January close as the date all four hospitals need to be live.",
        },
    ),
    Mail(
        "sbh-08",
        "marcus",
        "2026-08-27 16:20",
        [SAMUEL, PATRICIA],
        "St. Brendan's deployment plan",
        t(
            """
            Samuel, Patricia,

            Attached is the deployment plan: a 16-week rollout in four waves, one hospital per wave, with the clinic network joining in wave four. Each wave has named owners on both sides and a two-week parallel run against your current month-end reports.

            Does Thursday at 2pm work to review it together?

            Best regards,
            """
        ),
        SBH,
        cc=[BRIAN],
        thread="sbh-f",
        fmt="alt",
        nothing="seller activity: the rep sends a plan and proposes a time",
    ),
    Mail(
        "sbh-09",
        "marcus",
        "2026-09-10 13:35",
        [SAMUEL],
        "RE: St. Brendan's deployment plan",
        t(
            """
            Samuel, thank you. St. Luke's first makes sense; I've updated the plan and attached the approved version. I'll send the invite for Thursday, September 17 at 11am Central and bring the MSA, order form and BAA drafts.

            Best regards,
            """
        ),
        SBH,
        cc=[PATRICIA],
        thread="sbh-f",
        quote=Quote(
            SAMUEL,
            "2026-09-10 10:48",
            t(
                """
                Marcus,

                Patricia and I reviewed the deployment plan. We've swapped the order so St. Luke's goes first, since their denial rate is the worst, and with that change I approve the plan.

                The three-year pricing still works for us. I've also gone through the proposal in detail with our controller.

                Let's get the contract review on the calendar; Thursday, September 17 at 11am Central works for me.

                """
            )
            + "\n\n"
            + sig(SAMUEL, "T 414-555-0101"),
            cc=[PATRICIA],
            nested="sbh-08",
        ),
        ev={
            "plan_agreed": "We've swapped the order so St. Luke's goes first, since their denial rate is the worst, and with that change I approve the plan.",
            "solution_fit_confirmed": "We've swapped the order so St. Luke's goes first, since their denial rate is the worst, and with that change I approve the plan.",
            "budget_confirmed": "The three-year pricing still works for us.",
            "proposal_acknowledged": "I've also gone through the proposal in detail with our controller.",
            "stakeholders_identified": "I've also gone through the proposal in detail with our controller.",
            "meeting_scheduled": "Thursday, September 17 at 11am Central works for me.",
            "executive_engaged": "Chief Financial Officer",
        },
    ),
    Mail(
        "sbh-10",
        "marcus",
        "2026-09-18 08:45",
        [SAMUEL],
        "RE: Contract review - St. Brendan's Health Partners",
        t(
            """
            Samuel, thank you. We're very glad to be working with St. Brendan's, and I'll send the documents to Monica this morning.

            Best regards,
            """
        ),
        SBH,
        cc=[PATRICIA, MONICA],
        thread="sbh-g",
        fmt="alt",
        quote=Quote(
            SAMUEL,
            "2026-09-17 18:05",
            t(
                """
                Marcus,

                We have decided to go ahead with Northwind for revenue-cycle analytics. Please send the MSA, order form and BAA to Monica Reed in contracts, and she will handle signature on our side.

                """
            )
            + "\n\n"
            + sig(SAMUEL),
            cc=[PATRICIA, MONICA],
            subject="Contract review - St. Brendan's Health Partners",
        ),
        ev={
            "verbal_commitment": "We have decided to go ahead with Northwind for revenue-cycle analytics.",
            "stakeholders_identified": "Please send the MSA, order form and BAA to Monica Reed in contracts, and she will handle signature on our side.",
            "executive_engaged": "Chief Financial Officer",
        },
        not_={
            "contract_acknowledged": "the contract has not been sent yet; no receipt and no signature date"
        },
    ),
    Mail(
        "sbh-11",
        "marcus",
        "2026-09-18 10:30",
        [MONICA],
        "St. Brendan's / Northwind: MSA, order form and BAA for signature",
        t(
            """
            Hi Monica,

            Attached are the MSA, the order form and the BAA for St. Brendan's Health Partners. You'll also receive a DocuSign envelope from our legal team, so whichever route is easier works for us.

            If your counsel has comments, I'm happy to set up a call with ours.

            Best regards,
            """
        ),
        SBH,
        cc=[PATRICIA],
        thread="sbh-h",
        nothing="the rep sending the contract is seller activity",
    ),
    Mail(
        "sbh-12",
        "marcus",
        "2026-09-29 09:10",
        [MONICA],
        "RE: St. Brendan's / Northwind: MSA, order form and BAA for signature",
        t(
            """
            Hi Monica,

            Just checking that the documents and the DocuSign envelope reached you. If it helps, our counsel is available this week to go through any questions on the BAA.

            Best regards,
            """
        ),
        SBH,
        thread="sbh-h",
        fmt="alt",
        nothing="follow-up with no reply; the contract is not acknowledged",
    ),
    # --- Ledgerly Payments ---
    Mail(
        "lgp-01",
        "marcus",
        "2026-07-07 09:30",
        [RACHEL],
        "Reconciliation reporting at Ledgerly",
        t(
            """
            Hi Rachel,

            Payment companies growing as fast as Ledgerly usually hit the same wall: reconciliation and settlement reporting lives in a warehouse only two people can query, and month-end turns into a scramble.

            Northwind Analytics gives finance teams governed, self-serve dashboards on top of Snowflake or BigQuery, with reconciliation templates built for processors and PSPs. Would you be open to a 20-minute call in the next few weeks?

            Best regards,
            """
        ),
        LGP,
        thread="lgp-a",
        fmt="alt",
        nothing="cold outreach with no reply",
    ),
    Mail(
        "lgp-02",
        "marcus",
        "2026-07-21 08:50",
        [RACHEL],
        "RE: Reconciliation reporting at Ledgerly",
        t(
            """
            Hi Rachel,

            Bumping this in case it got buried. I've attached a two-page overview of how a Series C payments company cut its close from eight days to four with Northwind. Worth a conversation?

            Best regards,
            """
        ),
        LGP,
        thread="lgp-a",
        nothing="follow-up with no reply",
    ),
    Mail(
        "lgp-03",
        "marcus",
        "2026-09-14 15:05",
        [OWEN],
        "RE: Reconciliation reporting at Ledgerly",
        t(
            """
            Hi Owen,

            Thanks for getting back to me. Attached are our product overview and a walkthrough of the payments reconciliation dashboard (settlement vs. processor reports, chargebacks, and unmatched items by age).

            When you're further along, a short call could help tailor the shortlist to your stack. Does Tuesday, October 13 at 2pm Central work? I've sent a placeholder invite you can ignore if it's too early.

            Best regards,
            """
        ),
        LGP,
        thread="lgp-a",
        fmt="alt",
        quote=Quote(
            OWEN,
            "2026-09-14 11:40",
            t(
                """
                Hi Marcus,

                I look after reporting for our finance operations team and your email found its way to me. We aren't evaluating anything yet, but I'm putting together a shortlist of tools for reconciliation dashboards.

                Could you send a product overview and a sample of your payments reconciliation dashboard? A call doesn't make sense for us yet.

                """
            )
            + "\n\n"
            + sig(OWEN),
            nested="lgp-02",
        ),
        ev={
            "interest_shown": "Could you send a product overview and a sample of your payments reconciliation dashboard?",
        },
        not_={
            "meeting_scheduled": "the buyer declines a call",
            "disengaged": '"not yet" is neither proof nor disengagement',
        },
    ),
    Mail(
        "lgp-04",
        "marcus",
        "2026-09-24 10:20",
        [OWEN],
        "RE: Reconciliation reporting at Ledgerly",
        t(
            """
            Hi Owen,

            Did the overview and the dashboard sample land OK? Happy to answer questions by email if that's easier than a call at this stage.

            Best regards,
            """
        ),
        LGP,
        thread="lgp-a",
        nothing="follow-up with no reply",
    ),
]


# ---------------------------------------------------------------------------------------------
# Priya Natarajan: Keller & Vance, Cascadia State University, Okafor Lindqvist LLP, one internal
# ---------------------------------------------------------------------------------------------

KVP = "kellervance-mfg.com"
CSU = "cascadia-state.edu"
OLP = "okaforlindqvist.com"

MAILS += [
    Mail(
        "kvp-01",
        "priya",
        "2026-06-04 10:10",
        [BETH],
        "RE: Month-end close reporting across four plants",
        t(
            """
            Hello Beth,

            Thank you for reaching out. Tuesday, June 9 at 2pm Eastern works well; I'll send a Teams invite this afternoon. Nine days down to five is a realistic target for a four-plant close, and I'd like to understand where the days go today.

            Best regards,
            """
        ),
        KVP,
        thread="kvp-a",
        fmt="alt",
        quote=Quote(
            BETH,
            "2026-06-03 16:25",
            t(
                """
                Hello Priya,

                I found Northwind through the Controllers Council webinar. We close the month across four plants with Excel and it takes my team nine working days; I want that under five.

                Do you have time for a call next week? Tuesday, June 9 at 2pm Eastern would suit me.

                Best,
                Beth Sandoval
                Plant Controller, Dayton Operations
                Keller & Vance Precision Components
                937-555-0124
                """
            ),
            subject="Month-end close reporting across four plants",
        ),
        ev={
            "interest_shown": "Do you have time for a call next week?",
            "outcome_shared": "We close the month across four plants with Excel and it takes my team nine working days; I want that under five.",
            "meeting_scheduled": "Tuesday, June 9 at 2pm Eastern would suit me.",
        },
    ),
    Mail(
        "kvp-02",
        "priya",
        "2026-06-10 09:15",
        [BETH],
        "Keller & Vance + Northwind: demo invitation",
        t(
            """
            Hello Beth,

            Thank you for the time yesterday. I'll build the demo around the intercompany eliminations and the plant-level accrual workbooks.

            I've sent an invite for Thursday, June 18 at 1pm Eastern. Please forward it to anyone at the plants who should see it.

            Best regards,
            """
        ),
        KVP,
        thread="kvp-b",
        fmt="alt",
        actor="seller",
        ev={"meeting_held": "Thank you for the time yesterday."},
    ),
    Mail(
        "kvp-03",
        "priya",
        "2026-06-22 11:45",
        [BETH],
        "RE: Northwind Analytics demo: multi-plant close reporting",
        t(
            """
            Hi Beth,

            Thursday, July 2 at 10am Eastern works. I've copied J\u00fcrgen here and will send the invite to both of you; Kenji Watanabe from our solutions team will cover the Epicor connector and the OPC UA bridge for the historians.

            Best regards,
            """
        ),
        KVP,
        cc=[JUERGEN],
        thread="kvp-c",
        quote=Quote(
            BETH,
            "2026-06-22 09:20",
            t(
                """
                Hi Priya,

                Before we go further, J\u00fcrgen K\u00f6hler, our Head of IT, needs to see how you would connect to our Epicor ERP and the plant historians. Would Thursday, July 2 at 10am Eastern work for a technical session?

                Beth

                """
            )
            + "\n\n"
            + sig(BETH, "937-555-0124"),
            subject="Northwind Analytics demo: multi-plant close reporting",
        ),
        ev={
            "stakeholders_identified": "Before we go further, J\u00fcrgen K\u00f6hler, our Head of IT, needs to see how you would connect to our Epicor ERP and the plant historians.",
            "meeting_scheduled": "Would Thursday, July 2 at 10am Eastern work for a technical session?",
        },
        not_={"executive_engaged": "the Head of IT is only named by Beth (not copied, not acting)"},
    ),
    Mail(
        "kvp-04",
        "priya",
        "2026-07-06 09:30",
        [JUERGEN],
        "RE: Epicor and historian integration - follow-up",
        t(
            """
            Hello J\u00fcrgen,

            Thank you, that is very helpful. Row-level security by plant code is standard in our model, and I've noted the four codes from your diagram. I've sent the invite for July 14 at 3pm Eastern to you and Beth.

            Best regards,
            """
        ),
        KVP,
        cc=[BETH],
        thread="kvp-d",
        fmt="latin1",
        quote=Quote(
            JUERGEN,
            "2026-07-03 11:05",
            t(
                """
                Hello Priya,

                The ODBC connector for Epicor and the OPC UA bridge for the historians fit our architecture, and we would want row-level security mapped to our four plant codes.

                July 14 at 3pm Eastern suits us for the follow-up on the reporting requirements.

                Mit freundlichen Gr\u00fc\u00dfen / Best regards
                J\u00fcrgen K\u00f6hler
                Head of IT
                Keller & Vance Precision Components
                Dayton, Ohio | +1 937-555-0190
                """
            ),
            cc=[BETH],
            subject="Epicor and historian integration - follow-up",
        ),
        ev={
            "solution_fit_confirmed": "The ODBC connector for Epicor and the OPC UA bridge for the historians fit our architecture, and we would want row-level security mapped to our four plant codes.",
            "meeting_scheduled": "July 14 at 3pm Eastern suits us for the follow-up on the reporting requirements.",
            "executive_engaged": "Head of IT",
        },
    ),
    Mail(
        "kvp-05",
        "priya",
        "2026-07-20 15:30",
        [BETH],
        "Keller & Vance proposal: multi-plant close reporting",
        t(
            """
            Hello Beth, hello Greg,

            Attached is our proposal: four plants, 30 creator seats and 120 viewers on a three-year term, with the Epicor connector, the historian bridge and a fixed-fee implementation. It includes row-level security by plant code.

            Does Thursday at 2pm work to walk through it?

            Best regards,
            """
        ),
        KVP,
        cc=[GREG],
        thread="kvp-e",
        fmt="alt",
        nothing='"Attached is our proposal": seller activity',
    ),
    Mail(
        "kvp-06",
        "priya",
        "2026-07-29 10:40",
        [BETH],
        "RE: Keller & Vance proposal: multi-plant close reporting",
        t(
            """
            Hi Beth,

            Thank you for the update.
            From our side, everything is ready whenever the committee meets. If it would help Greg, I can put together a one-page summary of the time savings and cost for the committee pack.

            Best regards,
            """
        ),
        KVP,
        cc=[GREG],
        thread="kvp-e",
        quote=Quote(
            BETH,
            "2026-07-28 17:55",
            t(
                """
                Hi Priya,

                Thanks, we have the proposal and I've walked Greg through it. The budget isn't approved yet. Greg has to take it to the capital committee, which meets monthly.

                Beth

                """
            )
            + "\n\n"
            + sig(BETH, "937-555-0124"),
            cc=[GREG],
            nested="kvp-05",
        ),
        ev={
            "proposal_acknowledged": "Thanks, we have the proposal and I've walked Greg through it.",
            "stakeholders_identified": "Greg has to take it to the capital committee, which meets monthly.",
        },
        not_={"budget_confirmed": 'negation: "The budget isn\'t approved yet."'},
    ),
    Mail(
        "kvp-07",
        "priya",
        "2026-08-10 09:05",
        [BETH],
        "RE: Keller & Vance proposal: multi-plant close reporting",
        t(
            """
            Hi Beth,

            Any news from the capital committee? I've attached the one-page summary for Greg in case it's useful for the August meeting.

            Best regards,
            """
        ),
        KVP,
        cc=[GREG],
        thread="kvp-e",
        fmt="alt",
        nothing="follow-up: seller activity",
    ),
    Mail(
        "kvp-08",
        "priya",
        "2026-08-21 14:20",
        [BETH],
        "RE: Keller & Vance proposal: multi-plant close reporting",
        t(
            """
            Of course, Beth. Attached are three references: a four-plant automotive supplier in Indiana, an aerospace machining group and a medical-device manufacturer. Each has agreed to a 20-minute call.

            Best regards,
            """
        ),
        KVP,
        thread="kvp-e",
        quote=Quote(
            BETH,
            "2026-08-21 11:32",
            t(
                """
                Priya,

                No news yet, sorry. Nothing was decided this month and I can't give you a date.

                Could you send me the reference list for other multi-plant manufacturers? That would help me keep this moving internally.

                Beth

                """
            )
            + "\n\n"
            + sig(BETH, "937-555-0124"),
            nested="kvp-07",
        ),
        ev={
            "interest_shown": "Could you send me the reference list for other multi-plant manufacturers?",
        },
        not_={
            "disengaged": '"no decision yet, I can\'t give you a date" is neither proof nor disengagement',
            "timeline_given": "no date is given",
        },
    ),
    Mail(
        "kvp-09",
        "priya",
        "2026-09-08 09:20",
        [BETH, GREG],
        "RE: Keller & Vance proposal: multi-plant close reporting",
        t(
            """
            Hi Beth, hi Greg,

            I know September is busy with the quarter-end close. I've put a 45-minute slot on the calendar for Tuesday, September 15 at 2pm Eastern to walk through the ROI summary ahead of the committee; feel free to move it if another time suits better.

            Best regards,
            """
        ),
        KVP,
        thread="kvp-e",
        fmt="alt",
        nothing="follow-up with no reply; the rep's invite is not taken up",
    ),
    Mail(
        "kvp-10",
        "priya",
        "2026-09-24 16:05",
        [BETH, GREG],
        "RE: Keller & Vance proposal: multi-plant close reporting",
        t(
            """
            Hi Beth, hi Greg,

            I don't want to be a pest, so this is my last nudge for now. If the project has moved down the list, that's completely fine; a one-line reply either way would help me plan. The proposal pricing holds until October 31.

            Best regards,
            """
        ),
        KVP,
        thread="kvp-e",
        nothing="follow-up with no reply",
    ),
    # --- Cascadia State University ---
    Mail(
        "csu-01",
        "priya",
        "2026-07-13 11:00",
        [HELEN],
        "Accreditation and retention reporting at Cascadia State",
        t(
            """
            Dear Dr. Marsh,

            Institutional research teams often tell us that accreditation self-studies and IPEDS submissions consume weeks of analyst time every year, mostly rebuilding the same retention and completion tables.

            Northwind Analytics connects to Banner and your data warehouse and keeps cohort retention, completion and enrollment dashboards current, with the audit trail that accreditors ask for. Would you be open to a short conversation?

            Best regards,
            """
        ),
        CSU,
        thread="csu-a",
        fmt="alt",
        nothing="cold outreach: the rep's generic benefits",
    ),
    Mail(
        "csu-02",
        "priya",
        "2026-07-20 13:15",
        [HELEN],
        "RE: Accreditation and retention reporting at Cascadia State",
        t(
            """
            Hello Helen,

            Tuesday, July 28 at 10am Pacific works well; I'll send the invite to you and Kwame. Forty workbooks is a familiar starting point for us.

            Best regards,
            """
        ),
        CSU,
        thread="csu-a",
        quote=Quote(
            HELEN,
            "2026-07-20 12:02",
            t(
                """
                Hello Priya,

                Your timing is good. Our enrollment and retention reporting lives in about forty Excel workbooks, and every fall the accreditation self-study eats three weeks of my team's time.

                I'd be glad to talk. Could we meet Tuesday, July 28 at 10am Pacific? I'll bring Kwame Mensah, our senior data analyst.

                Helen

                Helen Marsh, PhD
                Director of Institutional Research
                Cascadia State University
                """
            ),
            subject="Re: Accreditation and retention reporting at Cascadia State",
            nested="csu-01",
        ),
        ev={
            "interest_shown": "Your timing is good.",
            "outcome_shared": "Our enrollment and retention reporting lives in about forty Excel workbooks, and every fall the accreditation self-study eats three weeks of my team's time.",
            "meeting_scheduled": "Could we meet Tuesday, July 28 at 10am Pacific?",
            "stakeholders_identified": "I'll bring Kwame Mensah, our senior data analyst.",
        },
    ),
    Mail(
        "csu-03",
        "priya",
        "2026-07-29 10:30",
        [HELEN],
        "Cascadia State + Northwind: next steps",
        t(
            """
            Hello Helen and Kwame,

            Thank you for the conversation yesterday. You mentioned that the Provost's office and the Registrar both rely on your retention-by-cohort numbers, so I'll make sure the demo shows the views they would use.

            Would Wednesday, August 12 at 10am Pacific work for a 75-minute product demonstration?

            Best regards,
            """
        ),
        CSU,
        cc=[KWAME],
        thread="csu-b",
        actor="seller",
        ev={
            "meeting_held": "Thank you for the conversation yesterday.",
            "stakeholders_identified": "You mentioned that the Provost's office and the Registrar both rely on your retention-by-cohort numbers, so I'll make sure the demo shows the views they would use.",
        },
        not_={"meeting_scheduled": "the rep proposes a time; the buyer has not taken it up yet"},
    ),
    Mail(
        "csu-04",
        "priya",
        "2026-08-05 09:50",
        [HELEN],
        "RE: Cascadia State + Northwind: next steps",
        t(
            """
            Thank you, Helen. The invite for August 12 is on its way, and I'll keep Kwame on everything technical. Spring-term readiness gives us comfortable room if we start in October.

            Best regards,
            """
        ),
        CSU,
        cc=[KWAME],
        thread="csu-b",
        fmt="alt",
        quote=Quote(
            HELEN,
            "2026-08-04 18:41",
            t(
                """
                Priya,

                August 12 at 10am Pacific works; I've blocked it for the team. Kwame will own the data side, so please loop him in on anything technical. Our fall census freeze is October 15, and anything we adopt needs to be usable for the spring term.

                Helen

                Helen Marsh, PhD
                Director of Institutional Research
                Cascadia State University
                """
            ),
            cc=[KWAME],
            subject="Re: Cascadia State + Northwind: next steps",
        ),
        ev={
            "meeting_scheduled": "August 12 at 10am Pacific works; I've blocked it for the team.",
            "stakeholders_identified": "Kwame will own the data side, so please loop him in on anything technical.",
            "timeline_given": "Our fall census freeze is October 15, and anything we adopt needs to be usable for the spring term.",
        },
    ),
    Mail(
        "csu-05",
        "priya",
        "2026-08-13 12:10",
        [KWAME],
        "RE: Product demo: Northwind for institutional research",
        t(
            """
            Hi Kwame,

            Glad it was useful. The sandbox request form is attached; once it's back, Kenji can have a workspace with your 2025 cohorts loaded within three business days.

            Best regards,
            """
        ),
        CSU,
        cc=[HELEN],
        thread="csu-c",
        fmt="alt",
        quote=Quote(
            KWAME,
            "2026-08-13 10:45",
            t(
                """
                Hi Priya,

                Thanks for the demo yesterday, it answered most of our questions. Before we can take this to Sofia Marchetti's team in IT we need a sandbox with last year's cohort data.

                Could you send the sandbox request form?

                Kwame Mensah
                Senior Data Analyst, Institutional Research
                Cascadia State University
                """
            ),
            cc=[HELEN],
            subject="Re: Product demo: Northwind for institutional research",
        ),
        ev={
            "demo_held": "Thanks for the demo yesterday, it answered most of our questions.",
            "stakeholders_identified": "Before we can take this to Sofia Marchetti's team in IT we need a sandbox with last year's cohort data.",
            "interest_shown": "Could you send the sandbox request form?",
        },
    ),
    Mail(
        "csu-06",
        "priya",
        "2026-08-31 09:40",
        [KWAME],
        "RE: Product demo: Northwind for institutional research",
        t(
            """
            Hi Kwame,

            How is the sandbox treating you? If it would help, Kenji can join a 30-minute working session to check the cohort definitions against your IPEDS logic.

            Best regards,
            """
        ),
        CSU,
        thread="csu-c",
        nothing="follow-up with no reply",
    ),
    Mail(
        "csu-07",
        "priya",
        "2026-09-16 14:25",
        [HELEN],
        "RE: Product demo: Northwind for institutional research",
        t(
            """
            Thank you, Helen. Thursday, October 8 at 1pm Pacific is booked; the invite includes Sofia, Kwame and you, and Kenji and Grace Liu from our side will cover SSO, the Banner integration and data security.

            Best regards,
            """
        ),
        CSU,
        cc=[KWAME],
        thread="csu-c",
        fmt="alt",
        quote=Quote(
            HELEN,
            "2026-09-16 12:50",
            t(
                """
                Priya,

                Kwame has finished loading last year's cohorts into the sandbox. Sofia's team would like a technical review before we go any further; they can do Thursday, October 8 at 1pm Pacific.

                Helen

                Helen Marsh, PhD
                Director of Institutional Research
                Cascadia State University
                """
            ),
            cc=[KWAME],
            subject="Re: Product demo: Northwind for institutional research",
        ),
        ev={
            "stakeholders_identified": "Sofia's team would like a technical review before we go any further; they can do Thursday, October 8 at 1pm Pacific.",
            "meeting_scheduled": "Sofia's team would like a technical review before we go any further; they can do Thursday, October 8 at 1pm Pacific.",
        },
        not_={"technical_meeting_held": "the technical review is only scheduled, for October 8"},
    ),
    # --- Okafor Lindqvist LLP ---
    Mail(
        "olp-01",
        "priya",
        "2026-06-03 12:30",
        [GRACE],
        "RE: Practice analytics for Okafor Lindqvist",
        t(
            """
            Hello Grace,

            Thank you for reaching out. Monday, June 8 at 11am Central works for me, and I'll look out for your invite. A live view from Aderant is exactly what we build for several firms your size.

            Best regards,
            """
        ),
        OLP,
        thread="olp-a",
        fmt="alt",
        quote=Quote(
            GRACE,
            "2026-06-03 10:05",
            t(
                """
                Priya,

                We're a 160-lawyer firm, and our partners get their realization and utilization numbers from a monthly PDF that is three weeks stale by the time it arrives. I'd like to understand whether Northwind can give practice group leaders a live view from Aderant.

                Are you free Monday, June 8 at 11am Central? I'll send a Teams invite.

                """
            )
            + "\n\n"
            + sig(GRACE, "225 W. Wacker Drive, Suite 3100, Chicago, IL 60606"),
            subject="Practice analytics for Okafor Lindqvist",
        ),
        ev={
            "outcome_shared": "We're a 160-lawyer firm, and our partners get their realization and utilization numbers from a monthly PDF that is three weeks stale by the time it arrives.",
            "interest_shown": "I'd like to understand whether Northwind can give practice group leaders a live view from Aderant.",
            "meeting_scheduled": "Are you free Monday, June 8 at 11am Central?",
            "executive_engaged": "Chief Operating Officer",
        },
    ),
    Mail(
        "olp-02",
        "priya",
        "2026-06-26 09:50",
        [LIAM],
        "RE: Security review - Okafor Lindqvist",
        t(
            """
            Thank you, Liam, and please thank Hana for the thorough questionnaire. I'll send Grace and Daniel an invite for Wednesday, July 1 at 2pm Central.

            Best regards,
            """
        ),
        OLP,
        cc=[GRACE],
        thread="olp-b",
        quote=Quote(
            LIAM,
            "2026-06-25 17:35",
            t(
                """
                Priya,

                Hana and I are comfortable with the security posture. The Aderant connector runs read-only through our existing service account and ethical walls carry over via the matter security groups, which was our main requirement.

                Grace asked me to set up the pricing conversation. Wednesday, July 1 at 2pm Central works for her and for Daniel Ruiz from procurement.

                """
            )
            + "\n\n"
            + sig(LIAM),
            cc=[GRACE],
            subject="Security review - Okafor Lindqvist",
        ),
        ev={
            "solution_fit_confirmed": "The Aderant connector runs read-only through our existing service account and ethical walls carry over via the matter security groups, which was our main requirement.",
            "meeting_scheduled": "Wednesday, July 1 at 2pm Central works for her and for Daniel Ruiz from procurement.",
            "stakeholders_identified": "Wednesday, July 1 at 2pm Central works for her and for Daniel Ruiz from procurement.",
        },
        not_={
            "executive_engaged": "the COO is only named by Liam; she does not act in this message"
        },
    ),
    Mail(
        "olp-03",
        "priya",
        "2026-07-02 10:15",
        [DANIEL],
        "Okafor Lindqvist: Northwind proposal",
        t(
            """
            Hello Daniel,

            Attached is our proposal for 120 viewer and 15 creator licenses on a two-year term, including the Aderant connector and a fixed-fee implementation. Does Tuesday at 2pm work to walk through it?

            Best regards,
            """
        ),
        OLP,
        cc=[GRACE],
        thread="olp-c",
        fmt="alt",
        nothing='"Attached is our proposal" and a proposed time: seller activity',
    ),
    Mail(
        "olp-04",
        "priya",
        "2026-07-09 16:20",
        [DANIEL],
        "RE: Okafor Lindqvist: Northwind proposal",
        t(
            """
            Thank you, Daniel, that's great to hear. I'll send Grace and Adaeze a draft rollout plan this week.

            Best regards,
            """
        ),
        OLP,
        cc=[GRACE],
        thread="olp-c",
        quote=Quote(
            DANIEL,
            "2026-07-09 14:02",
            t(
                """
                Priya,

                We've received the proposal and reviewed it internally. The per-seat pricing works within this year's technology budget.

                """
            )
            + "\n\n"
            + sig(DANIEL),
            cc=[GRACE],
            nested="olp-03",
        ),
        ev={
            "proposal_acknowledged": "We've received the proposal and reviewed it internally.",
            "budget_confirmed": "The per-seat pricing works within this year's technology budget.",
        },
    ),
    Mail(
        "olp-05",
        "priya",
        "2026-07-14 11:00",
        [GRACE, ADAEZE],
        "Okafor Lindqvist rollout plan (draft)",
        t(
            """
            Grace, Adaeze,

            Attached is a draft rollout plan: corporate first, then litigation, then the remaining practice groups, with practice group leaders trained in the week before each group goes live. Each step has an owner on your side and ours.

            I'd welcome your edits.

            Best regards,
            """
        ),
        OLP,
        thread="olp-d",
        fmt="alt",
        nothing="the rep's plan, not yet accepted",
    ),
    Mail(
        "olp-06",
        "priya",
        "2026-07-20 10:05",
        [ADAEZE],
        "RE: Okafor Lindqvist rollout plan (draft)",
        t(
            """
            Adaeze, thank you. Litigation first makes sense, and we'll plan around August 14. I'll send the master subscription agreement and order form to Daniel today.

            Best regards,
            """
        ),
        OLP,
        cc=[GRACE, DANIEL],
        thread="olp-d",
        fmt="alt",
        quote=Quote(
            ADAEZE,
            "2026-07-18 09:40",
            t(
                """
                Priya,

                I approve the rollout plan, with one change: litigation goes first, because that group's write-downs are where we lose the most. We've decided to go ahead with Northwind; please send the engagement documents to Daniel.

                I'd like practice group leaders using it by the partners' retreat on August 14.

                """
            )
            + "\n\n"
            + sig(ADAEZE),
            to=[PRIYA],
            cc=[GRACE],
            nested="olp-05",
        ),
        ev={
            "plan_agreed": "I approve the rollout plan, with one change: litigation goes first, because that group's write-downs are where we lose the most.",
            "solution_fit_confirmed": "I approve the rollout plan, with one change: litigation goes first, because that group's write-downs are where we lose the most.",
            "verbal_commitment": "We've decided to go ahead with Northwind; please send the engagement documents to Daniel.",
            "stakeholders_identified": "We've decided to go ahead with Northwind; please send the engagement documents to Daniel.",
            "timeline_given": "I'd like practice group leaders using it by the partners' retreat on August 14.",
            "executive_engaged": "Managing Partner",
        },
        not_={
            "contract_acknowledged": "no contract has been sent yet and no signature date is given",
            "outcome_shared": '"where we lose the most" names no concrete cost or goal',
        },
    ),
    Mail(
        "olp-07",
        "priya",
        "2026-07-20 15:40",
        [DANIEL],
        "Okafor Lindqvist / Northwind: MSA and order form",
        t(
            """
            Hello Daniel,

            Attached are the master subscription agreement and the order form for Okafor Lindqvist, reflecting the two-year term in the proposal. I've also sent an invite for a short contract walkthrough on Friday, July 24 at 10am Central.

            Best regards,
            """
        ),
        OLP,
        cc=[GRACE],
        thread="olp-e",
        nothing="the rep sending the contract is seller activity",
    ),
    Mail(
        "olp-08",
        "priya",
        "2026-07-30 11:25",
        [DANIEL],
        "RE: Okafor Lindqvist / Northwind: MSA and order form",
        t(
            """
            Thank you, Daniel. Our counsel is fine with the data-retention change; the revised MSA is attached and the DocuSign envelope will go to Adaeze this afternoon.

            Best regards,
            """
        ),
        OLP,
        thread="olp-e",
        quote=Quote(
            DANIEL,
            "2026-07-29 18:10",
            t(
                """
                Priya,

                We have the MSA and order form. Our general counsel has one comment on the data-retention clause, marked up in the attached.

                Once that's settled, Adaeze will sign via DocuSign; we're aiming for August 7.

                """
            )
            + "\n\n"
            + sig(DANIEL),
        ),
        ev={
            "contract_acknowledged": "We have the MSA and order form.",
            "stakeholders_identified": "Our general counsel has one comment on the data-retention clause, marked up in the attached.",
            "timeline_given": "Once that's settled, Adaeze will sign via DocuSign; we're aiming for August 7.",
        },
    ),
    Mail(
        "olp-09",
        "priya",
        "2026-08-07 13:10",
        [ADAEZE],
        "RE: Okafor Lindqvist / Northwind: MSA and order form",
        t(
            """
            Thank you, Adaeze, and welcome to Northwind. Our customer success lead, Leah Morgan, will set up the onboarding kickoff with Grace and Liam.

            Best regards,
            """
        ),
        OLP,
        cc=[DANIEL, GRACE],
        thread="olp-e",
        fmt="alt",
        quote=Quote(
            ADAEZE,
            "2026-08-07 11:48",
            t(
                """
                Priya,

                Signed this morning; the DocuSign envelope should be back with you already. Thank you for your patience with our markup.

                """
            )
            + "\n\n"
            + sig(ADAEZE),
            cc=[DANIEL, GRACE],
        ),
        ev={
            "contract_signed": "Signed this morning; the DocuSign envelope should be back with you already.",
            "executive_engaged": "Managing Partner",
        },
    ),
    Mail(
        "int-01",
        "priya",
        "2026-08-07 14:30",
        [TOMAS],
        "RE: Okafor Lindqvist tenant",
        t(
            """
            Thanks, Tom\u00e1s! Yes: Liam confirmed they want Azure AD SSO from day one, and they're on Aderant Expert 8.2. Adaeze signed this morning, so the kickoff can go in for the week of August 17.
            """
        ),
        "internal",
        thread="int-a",
        quote=Quote(
            TOMAS,
            "2026-08-07 14:02",
            t(
                """
                Priya, congrats! Do we know if they want SSO on day one, and which Aderant version they run? I'll set up the tenant tomorrow.

                Tom\u00e1s Ferreira
                Solutions Engineer | Northwind Analytics
                """
            ),
            to=[PRIYA],
            subject="Okafor Lindqvist tenant",
        ),
        nothing="internal-only thread (rep to a colleague): skipped before classification",
    ),
    Mail(
        "olp-10",
        "priya",
        "2026-09-09 10:35",
        [GRACE],
        "RE: Three weeks on Northwind",
        t(
            """
            Grace, thank you, that's wonderful to hear. I'll have our marketing team send the logo usage form, and I'll check with you before sharing your name with any firm.

            Best regards,
            """
        ),
        OLP,
        thread="olp-f",
        fmt="alt",
        quote=Quote(
            GRACE,
            "2026-09-08 17:20",
            t(
                """
                Priya,

                The litigation group has been on the dashboards for three weeks, and write-downs are now being caught before the bills go out instead of after.

                Adaeze is happy for us to be a reference for other mid-size firms, and you can use our logo on your legal-sector page.

                """
            )
            + "\n\n"
            + sig(GRACE),
            subject="Three weeks on Northwind",
        ),
        ev={
            "outcome_shared": "The litigation group has been on the dashboards for three weeks, and write-downs are now being caught before the bills go out instead of after.",
            "advocacy": "Adaeze is happy for us to be a reference for other mid-size firms, and you can use our logo on your legal-sector page.",
            "executive_engaged": "Chief Operating Officer",
        },
    ),
]


# ---------------------------------------------------------------------------------------------
# Calendars (times in UTC; "modified" is LAST-MODIFIED and DTSTAMP: when the event was created
# or last changed, which is the interaction's sent_at)
# ---------------------------------------------------------------------------------------------

ZOOM = "Join Zoom Meeting: https://northwind.zoom.us/j/{}"
TEAMS = "Microsoft Teams meeting. Join: https://teams.microsoft.com/l/meetup-join/19%3ameeting_{}"

EVENTS: list[Event] = [
    # --- Ana: Harborline ---
    Event(
        "hfl-discovery",
        "ana",
        "Discovery call: Harborline Freight x Northwind Analytics",
        "2026-06-11 17:00",
        45,
        "2026-06-02 16:05",
        HFL,
        [Att(DANA, short="VP Operations"), Att(RAJ), Att(ANA)],
        "Agenda:\n- Current reporting workflow (TMS exports, carrier scorecards)\n- Data sources and volumes\n- What a good outcome looks like\n\n"
        + ZOOM.format("84512236071"),
        "general",
        location="Zoom",
        ev={
            "meeting_held": accepted(DANA),
            "executive_engaged": exec_accepted(DANA, "VP Operations"),
        },
    ),
    Event(
        "hfl-demo",
        "ana",
        "Northwind Analytics product demonstration - Harborline lane scorecards",
        "2026-06-23 16:00",
        60,
        "2026-06-12 16:30",
        HFL,
        [Att(DANA, short="VP Operations"), Att(RAJ), Att(LENA), Att(ANA), Att(KENJI)],
        "Product demonstration on a sample of Harborline lane data: carrier scorecards, lane profitability, regional drill-downs, scheduled Monday delivery.\n\n"
        + ZOOM.format("84519930512"),
        "demo",
        location="Zoom",
        ev={"demo_held": accepted(RAJ), "executive_engaged": exec_accepted(DANA, "VP Operations")},
    ),
    Event(
        "hfl-techreview",
        "ana",
        "Technical review: Oracle OTM + Snowflake integration (Harborline)",
        "2026-07-07 18:00",
        90,
        "2026-06-24 17:20",
        HFL,
        [Att(RAJ), Att(SUNIL), Att(TYLER, "DECLINED"), Att(ANA), Att(KENJI)],
        "Technical review with Harborline IT and data engineering:\n1. OTM connector and extract schedule\n2. Snowflake account, roles and network policy\n3. SSO (Azure AD) and audit logging\n\n"
        + ZOOM.format("84527741209"),
        "technical",
        location="Zoom",
        ev={"technical_meeting_held": accepted(RAJ)},
    ),
    Event(
        "hfl-commercial",
        "ana",
        "Harborline x Northwind: commercial review",
        "2026-08-03 15:00",
        60,
        "2026-07-27 18:40",
        HFL,
        [Att(MARIA, short="CFO"), Att(DANA, short="VP Operations"), Att(RAJ), Att(ANA)],
        "Commercial review: three-year pricing, approved deployment plan, contracting steps.\n\n"
        + ZOOM.format("84533318840"),
        "general",
        location="Zoom",
        ev={"meeting_held": accepted(MARIA), "executive_engaged": exec_accepted(MARIA, "CFO")},
    ),
    Event(
        "hfl-kickoff",
        "ana",
        "Harborline onboarding kickoff",
        "2026-09-01 15:00",
        90,
        "2026-08-24 17:00",
        HFL,
        [Att(DANA, short="VP Operations"), Att(RAJ), Att(LENA), Att(ANA), Att(LEAH), Att(KENJI)],
        "Onboarding kickoff: project team, connector setup, week 1-3 plan, UAT for the Memphis hub.\n\n"
        + ZOOM.format("84540027733"),
        "general",
        location="Zoom",
        ev={
            "meeting_held": accepted(RAJ),
            "executive_engaged": exec_accepted(DANA, "VP Operations"),
        },
    ),
    # --- Ana: Bluebird ---
    Event(
        "bbh-discovery",
        "ana",
        "Discovery call - Bluebird Home & Garden / Northwind",
        "2026-06-17 15:00",
        45,
        "2026-06-10 16:40",
        BBH,
        [Att(TOM), Att(ANA)],
        "Discovery: weekly sell-through and in-stock reporting, POS extracts, who uses the Monday reports.\n\n"
        + ZOOM.format("84515502218"),
        "general",
        location="Zoom",
        ev={"meeting_held": accepted(TOM)},
    ),
    Event(
        "bbh-demo",
        "ana",
        "Product demonstration: Northwind for retail merchandising (Bluebird)",
        "2026-06-30 15:00",
        60,
        "2026-06-18 15:20",
        BBH,
        [
            Att(TOM),
            Att(CARLA, short="VP Merchandising"),
            Att(EVAN, "TENTATIVE", "Head of IT"),
            Att(ANA),
            Att(KENJI),
        ],
        "Demo: store-cluster sell-through, in-stock by region, planner views.\n\n"
        + ZOOM.format("84521186004"),
        "demo",
        location="Zoom",
        ev={
            "demo_held": accepted(TOM),
            "executive_engaged": exec_accepted(CARLA, "VP Merchandising"),
        },
    ),
    Event(
        "bbh-security",
        "ana",
        "Security review + integration session (Bluebird)",
        "2026-07-09 18:00",
        90,
        "2026-07-01 17:45",
        BBH,
        [Att(EVAN, short="Head of IT"), Att(NADIA), Att(TOM), Att(ANA), Att(KENJI), Att(GRACE_LIU)],
        "Security review and integration session: SOC 2 Type II, SAML SSO (Okta), Shopify Plus and NetSuite connectors, data residency.\n\n"
        + ZOOM.format("84528890157"),
        "technical",
        location="Zoom",
        ev={
            "technical_meeting_held": accepted(EVAN),
            "executive_engaged": exec_accepted(EVAN, "Head of IT"),
        },
    ),
    Event(
        "bbh-pricing",
        "ana",
        "Bluebird pricing review",
        "2026-07-22 14:00",
        45,
        "2026-07-21 17:10",
        BBH,
        [
            Att(TOM),
            Att(CARLA, short="VP Merchandising"),
            Att(EVAN, "NEEDS-ACTION", "Head of IT"),
            Att(ANA),
        ],
        "Pricing review: 25 creator seats, unlimited viewers, implementation options.\n\n"
        + ZOOM.format("84535561190"),
        "general",
        created="2026-07-13 18:20",
        status="CANCELLED",
        location="Zoom",
        nothing="cancelled event: proves nothing, even though buyers had accepted",
    ),
    # --- Marcus: St. Brendan's ---
    Event(
        "sbh-discovery",
        "marcus",
        "Discovery: denial analytics (St. Brendan's / Northwind)",
        "2026-07-02 14:00",
        45,
        "2026-06-25 16:45",
        SBH,
        [Att(PATRICIA), Att(MARCUS)],
        "Discovery: denial write-offs by payer, current reporting cadence, data sources (835/837, Epic).\n\n"
        + TEAMS.format("sbh01"),
        "general",
        location="Microsoft Teams Meeting",
        ev={"meeting_held": accepted(PATRICIA)},
    ),
    Event(
        "sbh-demo",
        "marcus",
        "Demo: Northwind revenue-cycle dashboards",
        "2026-07-14 15:00",
        60,
        "2026-07-03 14:30",
        SBH,
        [Att(PATRICIA), Att(JANET), Att(SAMUEL, "DECLINED", "CFO"), Att(MARCUS), Att(KENJI)],
        "Product demonstration: denial trends by payer and reason, appeal windows, facility comparison.\n\n"
        + TEAMS.format("sbh02"),
        "demo",
        location="Microsoft Teams Meeting",
        ev={"demo_held": accepted(PATRICIA)},
        not_={"executive_engaged": "the CFO declined"},
    ),
    Event(
        "sbh-security",
        "marcus",
        "Security review: PHI handling and HIPAA controls (St. Brendan's)",
        "2026-07-22 18:00",
        90,
        "2026-07-15 16:05",
        SBH,
        [
            Att(BRIAN),
            Att(LINDA, short="CISO"),
            Att(PATRICIA),
            Att(MARCUS),
            Att(GRACE_LIU),
            Att(KENJI),
        ],
        "Security review: PHI data flows, encryption at rest and in transit, Azure AD SSO, BAA, hosting regions, audit logging.\n\n"
        + TEAMS.format("sbh03"),
        "technical",
        location="Microsoft Teams Meeting",
        ev={
            "technical_meeting_held": accepted(BRIAN),
            "executive_engaged": exec_accepted(LINDA, "CISO"),
        },
    ),
    Event(
        "sbh-commercial",
        "marcus",
        "Commercial review: St. Brendan's + Northwind",
        "2026-08-11 15:00",
        60,
        "2026-07-28 19:30",
        SBH,
        [Att(SAMUEL, short="CFO"), Att(PATRICIA), Att(MARCUS)],
        "Proposal walkthrough: four hospitals and the clinic network, three-year term.\n\n"
        + TEAMS.format("sbh04"),
        "general",
        location="Microsoft Teams Meeting",
        ev={"meeting_held": accepted(SAMUEL), "executive_engaged": exec_accepted(SAMUEL, "CFO")},
    ),
    Event(
        "sbh-contract",
        "marcus",
        "Contract review - St. Brendan's Health Partners",
        "2026-09-17 16:00",
        60,
        "2026-09-10 19:00",
        SBH,
        [Att(SAMUEL, short="CFO"), Att(PATRICIA), Att(MONICA), Att(MARCUS)],
        "Contract review: MSA, order form and BAA drafts; signature process.\n\n"
        + TEAMS.format("sbh05"),
        "general",
        location="Microsoft Teams Meeting",
        ev={"meeting_held": accepted(SAMUEL), "executive_engaged": exec_accepted(SAMUEL, "CFO")},
    ),
    Event(
        "sbh-implementation",
        "marcus",
        "St. Brendan's implementation planning",
        "2026-10-06 15:00",
        60,
        "2026-09-21 14:10",
        SBH,
        [Att(PATRICIA), Att(BRIAN), Att(JANET, "NEEDS-ACTION"), Att(MARCUS), Att(LEAH)],
        "Implementation planning for wave 1 (St. Luke's): data feeds, Azure AD groups, UAT dates.\n\n"
        + TEAMS.format("sbh06"),
        "general",
        location="Microsoft Teams Meeting",
        ev={"meeting_scheduled": accepted(PATRICIA)},
    ),
    # --- Marcus: Ledgerly ---
    Event(
        "lgp-intro",
        "marcus",
        "Northwind / Ledgerly: reconciliation dashboards intro",
        "2026-10-13 19:00",
        30,
        "2026-09-14 20:15",
        LGP,
        [Att(OWEN, "NEEDS-ACTION"), Att(MARCUS)],
        "Placeholder for a short intro call; feel free to decline if it's too early.\n\n"
        + TEAMS.format("lgp01"),
        "general",
        location="Microsoft Teams Meeting",
        nothing="future invite with no buyer response",
    ),
    # --- Priya: Keller & Vance ---
    Event(
        "kvp-intro",
        "priya",
        "Intro call - Keller & Vance / Northwind",
        "2026-06-09 18:00",
        45,
        "2026-06-04 14:30",
        KVP,
        [Att(BETH), Att(PRIYA)],
        "Intro: month-end close across four plants, current Excel process, systems (Epicor).\n\n"
        + TEAMS.format("kvp01"),
        "general",
        location="Microsoft Teams Meeting",
        ev={"meeting_held": accepted(BETH)},
    ),
    Event(
        "kvp-demo",
        "priya",
        "Northwind Analytics demo: multi-plant close reporting",
        "2026-06-18 17:00",
        60,
        "2026-06-10 13:40",
        KVP,
        [Att(BETH), Att(GREG, short="VP Manufacturing"), Att(OKSANA), Att(PRIYA), Att(KENJI)],
        "Demo: intercompany eliminations, plant-level accruals, close calendar tracking.\n\n"
        + TEAMS.format("kvp02"),
        "demo",
        location="Microsoft Teams Meeting",
        ev={
            "demo_held": accepted(BETH),
            "executive_engaged": exec_accepted(GREG, "VP Manufacturing"),
        },
    ),
    Event(
        "kvp-architecture",
        "priya",
        "Architecture / integration session: Epicor + plant historians (Keller & Vance)",
        "2026-07-02 14:00",
        90,
        "2026-06-22 16:10",
        KVP,
        [
            Att(JUERGEN, short="Head of IT"),
            Att(DMITRI),
            Att(BETH, "TENTATIVE"),
            Att(PRIYA),
            Att(KENJI),
        ],
        "Architecture and integration session: Epicor ODBC connector, OPC UA bridge for the plant historians, network and SSO, row-level security.\n\n"
        + TEAMS.format("kvp03"),
        "technical",
        location="Microsoft Teams Meeting",
        ev={
            "technical_meeting_held": accepted(JUERGEN),
            "executive_engaged": exec_accepted(JUERGEN, "Head of IT"),
        },
    ),
    Event(
        "kvp-requirements",
        "priya",
        "Reporting requirements workshop - Keller & Vance",
        "2026-07-14 19:00",
        60,
        "2026-07-06 13:45",
        KVP,
        [Att(BETH), Att(OKSANA), Att(JUERGEN, "DECLINED", "Head of IT"), Att(PRIYA)],
        "Workshop: close reporting requirements by plant, KPIs, report owners.\n\n"
        + TEAMS.format("kvp04"),
        "general",
        location="Microsoft Teams Meeting",
        ev={"meeting_held": accepted(BETH)},
        not_={"executive_engaged": "the Head of IT declined"},
    ),
    Event(
        "kvp-roi",
        "priya",
        "Keller & Vance: ROI review for the capital committee",
        "2026-09-15 18:00",
        45,
        "2026-09-08 13:20",
        KVP,
        [Att(BETH, "TENTATIVE"), Att(GREG, "NEEDS-ACTION", "VP Manufacturing"), Att(PRIYA)],
        "Walkthrough of the one-page ROI summary ahead of the capital committee.\n\n"
        + TEAMS.format("kvp05"),
        "general",
        location="Microsoft Teams Meeting",
        nothing="past event with only a tentative answer and no acceptance: not held, not scheduled",
    ),
    # --- Priya: Cascadia State ---
    Event(
        "csu-discovery",
        "priya",
        "Discovery call: Cascadia State Institutional Research + Northwind",
        "2026-07-28 17:00",
        45,
        "2026-07-20 17:40",
        CSU,
        [Att(HELEN), Att(KWAME), Att(PRIYA)],
        "Discovery: retention and enrollment reporting, accreditation self-study, Banner and warehouse.\n\n"
        + ZOOM.format("86110234471"),
        "general",
        location="Zoom",
        ev={"meeting_held": accepted(HELEN)},
    ),
    Event(
        "csu-demo",
        "priya",
        "Product demo: Northwind for institutional research (Cascadia State)",
        "2026-08-12 17:00",
        75,
        "2026-08-05 14:00",
        CSU,
        [
            Att(HELEN),
            Att(KWAME),
            Att(ROBERT, "TENTATIVE", "VP Finance and Administration"),
            Att(PRIYA),
            Att(KENJI),
        ],
        "Demo: cohort retention, completion, enrollment funnel; views for the Provost's office and the Registrar.\n\n"
        + ZOOM.format("86117790032"),
        "demo",
        location="Zoom",
        ev={"demo_held": accepted(HELEN)},
        not_={"executive_engaged": "the VP answered tentative"},
    ),
    Event(
        "csu-techreview",
        "priya",
        "Technical review: SSO, Banner integration and data security (Cascadia State)",
        "2026-10-08 20:00",
        90,
        "2026-09-16 19:05",
        CSU,
        [
            Att(SOFIA, short="Director of Enterprise Applications"),
            Att(KWAME),
            Att(HELEN, "NEEDS-ACTION"),
            Att(PRIYA),
            Att(KENJI),
            Att(GRACE_LIU),
        ],
        "Technical review with Enterprise Applications: SAML SSO, Banner and warehouse integration, FERPA data handling.\n\n"
        + ZOOM.format("86124458816"),
        "technical",
        location="Zoom",
        ev={"meeting_scheduled": accepted(SOFIA)},
        not_={
            "technical_meeting_held": "the review is on October 8, after as_of",
            "executive_engaged": "a director is not senior",
        },
    ),
    # --- Priya: Okafor Lindqvist ---
    Event(
        "olp-discovery",
        "priya",
        "Okafor Lindqvist / Northwind discovery",
        "2026-06-08 16:00",
        45,
        "2026-06-03 15:20",
        OLP,
        [Att(PRIYA)],
        "Discovery: partner reporting (realization, utilization), Aderant, practice group leaders.\n\n"
        + TEAMS.format("olp01"),
        "general",
        organizer=Att(GRACE, short="COO"),
        location="Microsoft Teams Meeting",
        uid="040000008200E00074C5B7101A82E0080000000060A1F2C3D4E5@okaforlindqvist.com",
        ev={
            "meeting_held": f"{GRACE.email} organised the event",
            "executive_engaged": f"{GRACE.cn('COO')} organised the event",
        },
    ),
    Event(
        "olp-demo",
        "priya",
        "Demo - Northwind practice analytics for Okafor Lindqvist",
        "2026-06-16 16:00",
        60,
        "2026-06-09 13:00",
        OLP,
        [
            Att(GRACE, short="COO"),
            Att(ADAEZE, short="Managing Partner"),
            Att(LIAM),
            Att(PRIYA),
            Att(KENJI),
        ],
        "Demo: realization and utilization by practice group, write-down tracking, partner views from Aderant.\n\n"
        + TEAMS.format("olp02"),
        "demo",
        location="Microsoft Teams Meeting",
        ev={
            "demo_held": accepted(LIAM),
            "executive_engaged": exec_accepted(ADAEZE, "Managing Partner"),
        },
    ),
    Event(
        "olp-security",
        "priya",
        "Security review - Okafor Lindqvist (Aderant connector, ethical walls)",
        "2026-06-24 15:00",
        90,
        "2026-06-17 14:00",
        OLP,
        [Att(LIAM), Att(HANA), Att(PRIYA), Att(GRACE_LIU), Att(KENJI)],
        "Security review: read-only Aderant connector, service accounts, ethical walls via matter security groups, encryption, SSO.\n\n"
        + TEAMS.format("olp03"),
        "technical",
        location="Microsoft Teams Meeting",
        ev={"technical_meeting_held": accepted(LIAM)},
    ),
    Event(
        "olp-pricing",
        "priya",
        "Okafor Lindqvist pricing discussion",
        "2026-07-01 19:00",
        45,
        "2026-06-26 14:15",
        OLP,
        [Att(GRACE, short="COO"), Att(DANIEL), Att(PRIYA)],
        "Pricing discussion: licence mix, term, implementation.\n\n" + TEAMS.format("olp04"),
        "general",
        location="Microsoft Teams Meeting",
        ev={"meeting_held": accepted(DANIEL), "executive_engaged": exec_accepted(GRACE, "COO")},
    ),
    Event(
        "olp-contract",
        "priya",
        "Contract walkthrough - Okafor Lindqvist",
        "2026-07-24 15:00",
        30,
        "2026-07-20 19:45",
        OLP,
        [Att(DANIEL), Att(PRIYA)],
        "Walkthrough of the MSA and order form.\n\n" + TEAMS.format("olp05"),
        "general",
        location="Microsoft Teams Meeting",
        ev={"meeting_held": accepted(DANIEL)},
    ),
    Event(
        "olp-kickoff",
        "priya",
        "Okafor Lindqvist onboarding kickoff",
        "2026-08-18 15:00",
        60,
        "2026-08-10 15:00",
        OLP,
        [Att(GRACE, short="COO"), Att(LIAM), Att(PRIYA), Att(LEAH), Att(KENJI)],
        "Onboarding kickoff: tenant, Azure AD SSO, Aderant connector, litigation group first.\n\n"
        + TEAMS.format("olp06"),
        "general",
        location="Microsoft Teams Meeting",
        ev={"meeting_held": accepted(LIAM), "executive_engaged": exec_accepted(GRACE, "COO")},
    ),
    Event(
        "olp-30day",
        "priya",
        "Okafor Lindqvist 30-day review",
        "2026-10-14 15:00",
        45,
        "2026-09-15 13:30",
        OLP,
        [Att(GRACE, short="COO"), Att(LIAM, "NEEDS-ACTION"), Att(PRIYA), Att(LEAH)],
        "30-day review: adoption by practice group, write-down alerts, next groups to roll out.\n\n"
        + TEAMS.format("olp07"),
        "general",
        location="Microsoft Teams Meeting",
        ev={"meeting_scheduled": accepted(GRACE), "executive_engaged": exec_accepted(GRACE, "COO")},
    ),
]


# ---------------------------------------------------------------------------------------------
# Rendering mail
# ---------------------------------------------------------------------------------------------


def short_hash(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def buyer_message_id(key: str, author: Person) -> str:
    """The id the buyer's own client gave the quoted message (it is in References, not the mbox)."""
    h = short_hash(key, author.email)
    if ORGS[author.domain].mail == "google":
        return f"<CA+{h[:10]}{h[10:30].upper()}w@mail.gmail.com>"
    return f"<{h[:4].upper()}PR{h[4:6]}MB{h[6:10]}{h[10:22].upper()}@{h[22:26].upper()}PR{h[26:28]}MB{h[28:32]}.namprd{int(h[32:34], 16) % 20:02d}.prod.outlook.com>"


def gmail_when(dt: datetime) -> str:
    return f"{dt:%a}, {dt:%b} {dt.day}, {dt.year} at {dt.hour % 12 or 12}:{dt:%M} {dt:%p}"


def outlook_when(dt: datetime) -> str:
    return f"{dt:%A}, {dt:%B} {dt.day}, {dt.year} {dt.hour % 12 or 12}:{dt:%M} {dt:%p}"


def addresses(people: list[Person], sep: str) -> str:
    return sep.join(f"{p.name} <{p.email}>" for p in people)


def rep_part(mail: Mail) -> str:
    rep = REPS[mail.rep]
    text = mail.text + "\n" + rep.signature
    return text + ("\n\n" + NW_FOOTER if rep.footer else "")


def outlook_header(
    author: Person, when: datetime, to: list[Person], cc: list[Person], subject: str
) -> str:
    lines = [
        "________________________________",
        f"From: {author.name} <{author.email}>",
        f"Sent: {outlook_when(when)}",
        f"To: {addresses(to, '; ')}",
    ]
    if cc:
        lines.append(f"Cc: {addresses(cc, '; ')}")
    lines.append(f"Subject: {subject}")
    return "\n".join(lines)


def buyer_block(mail: Mail, quote: Quote, by_key: dict[str, Mail]) -> str:
    """The buyer's message as their client wrote it, with the rep's earlier message below it."""
    if not quote.nested:
        return quote.text
    earlier = by_key[quote.nested]
    assert not earlier.ev, (
        f"{quote.nested} is quoted again in {mail.key}: keep nested mail evidence-free"
    )
    org = ORGS[quote.author.domain]
    when = earlier.sent.astimezone(tzinfo(org.tz))
    rep = REPS[earlier.rep].person
    history = rep_part(earlier)
    if org.mail == "google":
        quoted = "\n".join("> " + line if line else ">" for line in history.split("\n"))
        return f"{quote.text}\n\nOn {gmail_when(when)} {rep.name} <{rep.email}> wrote:\n{quoted}"
    header = outlook_header(rep, when, earlier.to, earlier.cc, earlier.subject)
    return f"{quote.text}\n\n{header}\n\n{history}"


def body_of(mail: Mail, by_key: dict[str, Mail]) -> str:
    rep = REPS[mail.rep]
    body = rep_part(mail)
    if mail.quote:
        q = mail.quote
        when = local(q.at, rep.tz)
        block = buyer_block(mail, q, by_key)
        subject = q.subject or mail.subject
        if rep.client == "gmail":
            quoted = "\n".join("> " + line if line else ">" for line in block.split("\n"))
            body += f"\n\nOn {gmail_when(when)} {q.author.name} <{q.author.email}> wrote:\n{quoted}"
        else:
            header = outlook_header(q.author, when, q.to or [rep.person], q.cc, subject)
            body += f"\n\n{header}\n\n{block}"
    if mail.forward:
        f = mail.forward
        when = local(f.at, rep.tz)
        lines = [
            "---------- Forwarded message ---------",
            f"From: {f.author.name} <{f.author.email}>",
            f"Date: {gmail_when(when)}",
            f"Subject: {f.subject or mail.subject}",
            f"To: {addresses(f.to or [rep.person], ', ')}",
        ]
        if f.cc:
            lines.append(f"Cc: {addresses(f.cc, ', ')}")
        body += "\n\n" + "\n".join(lines) + "\n\n" + buyer_block(mail, f, by_key)
    return body + "\n"


def to_html(body: str) -> str:
    """The HTML part a mail client writes beside the text: quoted lines become blockquotes."""
    out: list[str] = []
    depth = 0
    for line in body.rstrip("\n").split("\n"):
        level, rest = 0, line
        while rest.startswith(">"):
            level, rest = level + 1, rest[1:]
            rest = rest[1:] if rest.startswith(" ") else rest
        while depth < level:
            out.append(
                '<blockquote class="gmail_quote" style="margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex">'
            )
            depth += 1
        while depth > level:
            out.append("</blockquote>")
            depth -= 1
        out.append(f"<div>{html.escape(rest, quote=False) or '<br>'}</div>")
    out += ["</blockquote>"] * depth
    return (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>\n'
        '<body><div dir="ltr">\n' + "\n".join(out) + "\n</div></body></html>\n"
    )


def build_message(mail: Mail, refs: list[str], by_key: dict[str, Mail]):
    rep = REPS[mail.rep]
    body = body_of(mail, by_key)
    headers = [
        ("Message-ID", mail.message_id),
        ("Date", format_datetime(mail.sent)),
        ("From", f"{rep.person.name} <{rep.person.email}>"),
        ("To", addresses(mail.to, ", ")),
    ]
    if mail.cc:
        headers.append(("Cc", addresses(mail.cc, ", ")))
    headers.append(("Subject", mail.subject))
    if refs and not mail.forward:
        headers += [("In-Reply-To", refs[-1]), ("References", " ".join(refs))]
    if rep.client == "outlook":
        headers += [("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "en-US")]

    if mail.fmt == "latin1":
        # an older client: ISO-8859-1 text, quoted-printable, names as ISO-8859-1 encoded words
        msg = MIMEText(body, "plain", "iso-8859-1")
        for name, value in headers:
            if name in ("To", "Cc"):
                people = mail.to if name == "To" else mail.cc
                value = ", ".join(
                    formataddr((p.name, p.email), charset="iso-8859-1") for p in people
                )
            msg[name] = value
        for name in ("MIME-Version", "Content-Type", "Content-Transfer-Encoding"):
            value = msg[name]
            del msg[name]
            msg[name] = value
        return msg

    msg = EmailMessage()
    for name, value in headers:
        msg[name] = value
    if mail.fmt == "plain":
        msg.set_content(body, cte=rep.cte)
    elif mail.fmt == "html":
        msg.set_content(to_html(body), subtype="html", cte=rep.cte)
    elif mail.fmt == "alt":
        msg.set_content(body, cte=rep.cte)
        msg.add_alternative(to_html(body), subtype="html", cte=rep.cte)
        msg.set_boundary("000000000000" + short_hash(mail.key)[:16])
        for part in msg.iter_parts():
            del part["MIME-Version"]  # add_alternative repeats it on each part
    else:
        raise ValueError(f"unknown format {mail.fmt}")
    return msg


def write_mboxes() -> dict[str, list[tuple[Mail, str]]]:
    """One sent.mbox per rep; returns each rep's mail with the body as written."""
    by_key = {m.key: m for m in MAILS}
    assert len(by_key) == len(MAILS), "duplicate mail keys"
    threads: dict[str, list[str]] = {}
    written: dict[str, list[tuple[Mail, str]]] = {r: [] for r in REPS}
    out: dict[str, bytes] = dict.fromkeys(REPS, b"")
    for mail in sorted(MAILS, key=lambda m: m.sent):
        refs = threads.setdefault(mail.thread or mail.key, [])
        source = mail.quote
        if source and source.nested:
            assert by_key[source.nested].message_id in refs, (
                f"{mail.key}: nested mail not in thread"
            )
        if source:
            refs.append(buyer_message_id(mail.key, source.author))
        msg = build_message(mail, list(refs), by_key)
        refs.append(mail.message_id)
        buf = io.BytesIO()
        BytesGenerator(buf, mangle_from_=True, policy=msg.policy.clone(linesep="\n")).flatten(msg)
        data = buf.getvalue()
        if not data.endswith(b"\n"):
            data += b"\n"
        sent_utc = mail.sent.astimezone(UTC)
        separator = f"From {REPS[mail.rep].person.email} {sent_utc:%a %b %d %H:%M:%S %Y}\n"
        out[mail.rep] += separator.encode() + data + b"\n"
        written[mail.rep].append((mail, body_of(mail, by_key)))
    for rep, data in out.items():
        folder = HERE / REPS[rep].person.email
        folder.mkdir(exist_ok=True)
        (folder / "sent.mbox").write_bytes(data)
    return written


# ---------------------------------------------------------------------------------------------
# Rendering calendars
# ---------------------------------------------------------------------------------------------


def ics_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """RFC 5545 folding: at most 75 octets a line, never splitting a UTF-8 character."""
    raw = line.encode()
    if len(raw) <= 75:
        return line
    parts, current, limit = [], b"", 75
    for char in line:
        b = char.encode()
        if len(current) + len(b) > limit:
            parts.append(current.decode())
            current, limit = b"", 74
        current += b
    parts.append(current.decode())
    return "\r\n ".join(parts)


def ics_time(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def vevent(event: Event) -> list[str]:
    rep = REPS[event.rep].person
    organizer = event.organizer or Att(rep)
    modified = utc(event.modified)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.the_uid}",
        f"DTSTAMP:{ics_time(modified)}",
        f"CREATED:{ics_time(utc(event.created or event.modified))}",
        f"LAST-MODIFIED:{ics_time(modified)}",
        f"SEQUENCE:{1 if event.status == 'CANCELLED' else 0}",
        f"DTSTART:{ics_time(event.begins)}",
        f"DTEND:{ics_time(event.ends)}",
        f"SUMMARY:{ics_text(event.summary)}",
        f"DESCRIPTION:{ics_text(event.description)}",
    ]
    if event.location:
        lines.append(f"LOCATION:{ics_text(event.location)}")
    lines += [
        f"STATUS:{event.status}",
        "TRANSP:OPAQUE",
        f'ORGANIZER;CN="{organizer.person.cn(organizer.short)}":mailto:{organizer.person.email}',
    ]
    for att in event.attendees:
        rsvp = ";RSVP=TRUE" if att.partstat == "NEEDS-ACTION" else ""
        lines.append(
            f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT={att.partstat}{rsvp};"
            f'CN="{att.person.cn(att.short)}":mailto:{att.person.email}'
        )
    lines.append("END:VEVENT")
    return lines


def write_calendars() -> None:
    tz_names = {
        "ana": "America/Los_Angeles",
        "marcus": "America/Chicago",
        "priya": "America/New_York",
    }
    for key, rep in REPS.items():
        lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Northwind Analytics//proofstage demo sample//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            f"X-WR-CALNAME:{rep.person.email}",
            f"X-WR-TIMEZONE:{tz_names[key]}",
        ]
        for event in sorted((e for e in EVENTS if e.rep == key), key=lambda e: e.begins):
            lines += vevent(event)
        lines.append("END:VCALENDAR")
        folder = HERE / rep.person.email
        folder.mkdir(exist_ok=True)
        (folder / "calendar.ics").write_bytes(
            ("\r\n".join(fold(x) for x in lines) + "\r\n").encode()
        )


# ---------------------------------------------------------------------------------------------
# expected.yml and sample.yml
# ---------------------------------------------------------------------------------------------

QUOTE_MARKERS = (
    "________________________________",
    "---------- Forwarded message ---------",
    " wrote:\n",
)

EXPECTED_HEADER = f"""\
# What the bundled sample should yield, as of {AS_OF}, under the default process buyer_journey.
# Written by build_sample.py (edit the data there, not here); checked by check_sample.py.
#
# deals: one per buyer domain (the test suite compares `stage` and `leaked` with `proofstage assess`).
#   evidence: every message (id = the Message-ID header, angle brackets included; capture/mime.py
#     uses it without them) or event (id = UID) that carries evidence, with
#     kinds: {{kind: proof}}; for mail the proof is the exact sentence as it appears in the decoded
#     body (buyer words quoted below the rep's text, or, when actor is "seller", the rep's report of
#     the buyer's action); for events it is the calendar fact ("x@y accepted", "x organised the event").
#     Events are judged at as_of: an accepted past event gives one held kind by its category
#     (demo_held, technical_meeting_held, meeting_held), a future one meeting_scheduled;
#     kinds_at_sent_at lists what the same event gives judged at its LAST-MODIFIED (sent_at).
#     executive_engaged rests on the senior buyer's title visible in that interaction (signature
#     line in the quoted block, or the attendee CN).
#     not: kinds a classifier might be tempted by that the interaction must not yield, and why.
#   no_evidence: every other interaction of the deal, each with why it proves nothing.
# contacts: free-mail people (never accounts or opportunities). skipped: internal-only mail.
"""


def yaml_scalar(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def yaml_key(key: str) -> str:
    return (
        key
        if key.replace("_", "").replace("-", "").replace(".", "").isalnum()
        else json.dumps(key, ensure_ascii=False)
    )


def to_yaml(value, indent: int = 0) -> list[str]:
    pad = "  " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, (dict, list)) and v:
                lines.append(f"{pad}{yaml_key(k)}:")
                lines += to_yaml(v, indent + 1)
            else:
                empty = (
                    "{}" if isinstance(v, dict) else "[]" if isinstance(v, list) else yaml_scalar(v)
                )
                lines.append(f"{pad}{yaml_key(k)}: {empty}")
    elif isinstance(value, list):
        for item in value:
            inner = to_yaml(item, indent + 1)
            first = inner[0].lstrip()
            lines.append(f"{pad}- {first}")
            lines += inner[1:]
    else:
        lines.append(pad + yaml_scalar(value))
    return lines


def mail_record(mail: Mail) -> dict:
    record = {
        "id": mail.message_id,
        "type": "email",
        "at": iso(mail.sent),
        "subject": mail.subject,
    }
    if mail.ev:
        record["actor"] = mail.actor
        record["kinds"] = dict(mail.ev)
    else:
        record["why"] = mail.nothing
    if mail.not_:
        record["not"] = dict(mail.not_)
    return record


def event_record(event: Event) -> dict:
    record = {
        "id": event.the_uid,
        "type": "event",
        "at": iso(utc(event.modified)),
        "subject": event.summary,
        "start": iso(event.begins),
        "end": iso(event.ends),
        "category": event.category,
        "status": event.status.lower(),
    }
    if event.ev:
        record["actor"] = "buyer"
        record["kinds"] = dict(event.ev)
        record["kinds_at_sent_at"] = sorted(
            {"meeting_scheduled" if k in HELD.values() else k for k in event.ev}
        )
    else:
        record["why"] = event.nothing
    if event.not_:
        record["not"] = dict(event.not_)
    return record


def validate(written: dict[str, list[tuple[Mail, str]]]) -> None:
    """Every interaction is annotated, and every quoted sentence is where the annotation says."""
    for rep, items in written.items():
        for mail, body in items:
            assert bool(mail.ev) != bool(mail.nothing), (
                f"{mail.key}: evidence xor a reason for none"
            )
            cut = min((body.find(m) for m in QUOTE_MARKERS if m in body), default=len(body))
            for kind, sentence in mail.ev.items():
                assert kind in KINDS, f"{mail.key}: unknown kind {kind}"
                where = body.find(sentence)
                assert where >= 0, f"{mail.key}: {kind} sentence not in body: {sentence!r}"
                if mail.actor == "buyer":
                    assert where > cut, (
                        f"{mail.key}: buyer sentence is in the rep's own text: {sentence!r}"
                    )
                else:
                    assert where < cut, (
                        f"{mail.key}: rep report is not in the rep's text: {sentence!r}"
                    )
            if mail.fmt == "latin1":
                body.encode("iso-8859-1")  # must be representable
            assert rep == mail.rep
    for event in EVENTS:
        assert bool(event.ev) != bool(event.nothing), f"{event.key}: evidence xor a reason for none"
        assert utc(event.modified) < event.begins, (
            f"{event.key}: LAST-MODIFIED must precede DTSTART"
        )
        for kind in event.ev:
            assert kind in KINDS, f"{event.key}: unknown kind {kind}"
        held = [k for k in event.ev if k in HELD.values() or k == "meeting_scheduled"]
        if event.ev and event.ends <= AS_OF_DT:
            assert held == [HELD[event.category]], (
                f"{event.key}: past event must give {HELD[event.category]}"
            )
        elif event.ev:
            assert held == ["meeting_scheduled"], (
                f"{event.key}: future event must give meeting_scheduled"
            )


KINDS = {
    "interest_shown",
    "meeting_scheduled",
    "meeting_held",
    "demo_held",
    "technical_meeting_held",
    "outcome_shared",
    "stakeholders_identified",
    "executive_engaged",
    "budget_confirmed",
    "timeline_given",
    "plan_agreed",
    "business_case_agreed",
    "solution_fit_confirmed",
    "proposal_acknowledged",
    "verbal_commitment",
    "contract_acknowledged",
    "contract_signed",
    "advocacy",
    "disengaged",
}


def write_expected() -> None:
    deals: dict = {}
    for deal in DEALS:
        mails = [m for m in MAILS if m.deal == deal.domain]
        events = [e for e in EVENTS if e.deal == deal.domain]
        items = sorted(
            [(m.sent, mail_record(m), bool(m.ev)) for m in mails]
            + [(utc(e.modified), event_record(e), bool(e.ev)) for e in events],
            key=lambda x: x[0],
        )
        deals[deal.domain] = {
            "deal": deal.name,
            "account": ORGS[deal.domain].name,
            "rep": REPS[deal.rep].person.email,
            "stage": deal.stage,
            "leaked": deal.leaked,
            "leak_reason": deal.leak_reason,
            "story": deal.story,
            "evidence": [r for _, r, has in items if has],
            "no_evidence": [r for _, r, has in items if not has],
        }
    contacts: dict = {}
    for mail in MAILS:
        if mail.deal.startswith("contact:"):
            email = mail.deal.split(":", 1)[1]
            entry = contacts.setdefault(
                email,
                {
                    "rep": REPS[mail.rep].person.email,
                    "note": "free-mail address: a contact only; no account and no opportunity",
                    "evidence": [],
                },
            )
            entry["evidence"].append(mail_record(mail))
    skipped = [
        {**mail_record(m), "rep": REPS[m.rep].person.email} for m in MAILS if m.deal == "internal"
    ]
    known = set(ORGS) | {"internal"}
    for mail in MAILS:
        assert mail.deal in known or mail.deal.startswith("contact:"), mail.key
    document = {
        "as_of": AS_OF,
        "process": "buyer_journey",
        "seller": {"company": "Northwind Analytics", "domain": SELLER_DOMAIN},
        "reps": [r.person.email for r in REPS.values()],
        "deals": deals,
        "contacts": contacts,
        "skipped": skipped,
    }
    text = EXPECTED_HEADER + "\n".join(to_yaml(document)) + "\n"
    (HERE / "expected.yml").write_text(text, encoding="utf-8")


SAMPLE_YML = f"""\
# The bundled demo sample (`proofstage demo` imports this folder and judges it as of as_of).
# Regenerate the mail and calendars with: python api/sample/build_sample.py
as_of: "{AS_OF}"
description: >-
  Northwind Analytics (northwind-analytics.com) sells a B2B reporting and analytics platform.
  The sent mail and calendars of three reps, June to September 2026: seven buyer organizations
  (logistics, retail, manufacturing, healthcare, fintech, a university and a law firm) at every
  stage of the buyer journey, one that stalls and one that leaks to another vendor, plus a
  consultant on gmail.com and an internal thread. expected.yml says what each interaction proves.
seller:
  company: Northwind Analytics
  domain: {SELLER_DOMAIN}
reps:
{chr(10).join(f"  - {r.person.email}" for r in REPS.values())}
"""


def main() -> None:
    written = write_mboxes()
    write_calendars()
    validate(written)
    write_expected()
    (HERE / "sample.yml").write_text(SAMPLE_YML, encoding="utf-8")
    mails = sum(len(v) for v in written.values())
    print(f"wrote {mails} messages and {len(EVENTS)} events for {len(REPS)} reps in {HERE}")


if __name__ == "__main__":
    main()
