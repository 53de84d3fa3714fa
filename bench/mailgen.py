"""Generated sent mail of realistic length and shape, for benchmarks (not for accuracy).

Each email is a rep's reply: a few sentences of new text, a signature, often a legal footer, and
the buyer's earlier message quoted Gmail-style ("On ... wrote:" + "> ") or Outlook-style
(From:/Sent:/To:/Subject: block), sometimes with the rep's own earlier message quoted below it.
Sentences come from a pool of ordinary business prose with some buyer reactions mixed in, so the
matcher does real work on a realistic share of them. Deterministic for a given seed.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from capture.interaction import Interaction, Person

REP_SENTENCES = [
    "Thanks for the quick reply.",
    "Great to hear from you again.",
    "I've attached the updated deck with the changes we discussed.",
    "Let me know if anything in the summary looks off.",
    "Our implementation team can start as soon as the paperwork is done.",
    "I'll loop in our solutions engineer so she can answer the integration questions.",
    "Does Tuesday or Wednesday afternoon work for a short follow-up?",
    "Happy to walk your finance team through the pricing model.",
    "I checked with product and the export feature ships in the next release.",
    "Please find the security questionnaire answers below.",
    "As promised, here is the link to the recording of the session.",
    "We can also offer a phased rollout if that helps with the budget cycle.",
    "I'll send over the revised order form by end of day.",
    "Looking forward to meeting the rest of the team next week.",
    "Thanks for your time today, it was a very useful conversation.",
    "Just checking in to see whether you had a chance to review the proposal.",
    "Our standard terms include a 99.9% uptime commitment and 24/7 support.",
    "I've copied my colleague who handles onboarding for accounts in your region.",
    "The pilot would run for six weeks with two of your plants.",
    "Let me know who else should be on the invite.",
]

BUYER_SENTENCES = [
    "Thanks for sending this over.",
    "We reviewed the material with the operations team yesterday.",
    "A few questions came up about the data retention policy.",
    "Can you clarify how the licensing works for seasonal staff?",
    "Our current process takes about two days a month just to assemble the reports.",
    "Budget is approved for Q3.",
    "The pricing works for us.",
    "Thursday at 2pm works for me, I'll send the invite.",
    "I've shared the proposal with our CFO and our head of procurement.",
    "We'd like to see a demo of the reporting module before we decide.",
    "Legal has the MSA and expects to finish their review by Friday.",
    "We have decided to go ahead with you.",
    "The signed order form is attached.",
    "Unfortunately we will not be moving forward this year.",
    "I'm travelling most of next week but my deputy can join.",
    "Our IT team wants to understand the single sign-on setup.",
    "We're hoping to go live before the end of the fiscal year.",
    "The board meets on the 14th and this is on the agenda.",
    "Please keep me posted on the roadmap for the mobile app.",
    "I'd be happy to be a reference for other hospitals in the region.",
    "Could you send a copy of your SOC 2 report?",
    "We are still comparing two other vendors.",
    "The numbers in the business case look right to us.",
    "Our main goal is to cut the time to close the books by 40%.",
    "I'll need to check with my manager before committing to anything.",
    "The weather here has been terrible all week.",
    "Let's reconnect after the holidays.",
    "We've looped in our security architect for the technical review.",
]

SUBJECTS = ["Re: proposal", "Re: next steps", "Re: pricing", "RE: demo follow-up"]

FOOTER = (
    "CONFIDENTIALITY NOTICE: This e-mail message, including any attachments, is for the sole use "
    "of the intended recipient(s) and may contain confidential and privileged information. Any "
    "unauthorized review, use, disclosure or distribution is prohibited. If you are not the "
    "intended recipient, please contact the sender by reply e-mail and destroy all copies of the "
    "original message."
)

FIRST = ["Ana", "Li", "Maria", "John", "Priya", "Tom", "Chen", "Sara", "Omar", "Eva", "Raj", "Kim"]
LAST = ["Diaz", "Wei", "Lopez", "Smith", "Patel", "Berg", "Okafor", "Novak", "Haddad", "Reyes"]
TITLES = ["Procurement Manager", "VP Operations", "Director of IT", "CFO", "Head of Finance"]
COMPANIES = ["acme-health", "northbridge", "tillman-logistics", "quarry-bank", "orchid-retail"]


def _paragraphs(rng: random.Random, pool: list[str], count: int) -> str:
    sentences = rng.sample(pool, k=min(count, len(pool)))
    cut = rng.randint(1, max(1, len(sentences) - 1))
    return " ".join(sentences[:cut]) + "\n\n" + " ".join(sentences[cut:])


def _person(rng: random.Random, domain: str) -> Person:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return Person(email=f"{first}.{last}@{domain}".lower(), name=f"{first} {last}")


def _quoted(rng: random.Random, buyer: Person, text: str, when: datetime, subject: str) -> str:
    if rng.random() < 0.5:
        header = f"On {when:%a, %b %d, %Y at %I:%M %p} {buyer.name} <{buyer.email}> wrote:"
        return header + "\n" + "\n".join(f"> {line}" if line else ">" for line in text.split("\n"))
    return (
        f"From: {buyer.name} <{buyer.email}>\nSent: {when:%A, %B %d, %Y %I:%M %p}\n"
        f"To: Sales\nSubject: {subject}\n\n{text}"
    )


def generate(count: int, seed: int = 7) -> list[Interaction]:
    rng = random.Random(seed)
    rep = Person(email="ana.diaz@seller.com", name="Ana Diaz")
    start = datetime(2026, 3, 2, 9, tzinfo=UTC)
    emails = []
    for n in range(count):
        buyer = _person(rng, f"{rng.choice(COMPANIES)}.com")
        sent = start + timedelta(minutes=37 * n)
        subject = rng.choice(
            ["Re: proposal", "Re: next steps", "Re: pricing", "RE: demo follow-up"]
        )
        new_text = f"Hi {buyer.name.split()[0]},\n\n" + _paragraphs(
            rng, REP_SENTENCES, rng.randint(2, 6)
        )
        signature = f"\n\nBest,\n{rep.name}\nAccount Executive | Seller Inc.\n+1 555 0100"
        buyer_text = _paragraphs(rng, BUYER_SENTENCES, rng.randint(3, 9))
        buyer_text += f"\n\nThanks,\n{buyer.name}\n{rng.choice(TITLES)}"
        if rng.random() < 0.4:
            buyer_text += "\n\n" + FOOTER
        body = new_text + signature + "\n\n" + _quoted(rng, buyer, buyer_text, sent, subject)
        if rng.random() < 0.3:
            earlier = _paragraphs(rng, REP_SENTENCES, rng.randint(2, 5))
            body += "\n\n" + _quoted(rng, rep, earlier, sent - timedelta(days=2), subject)
        emails.append(
            Interaction(
                id=f"bench-{n}",
                type="email",
                mailbox=rep.email,
                sent_at=sent,
                subject=subject,
                from_=rep,
                to=[buyer],
                body=body,
            )
        )
    return emails
