"""Sample drafts for the tests (original text written for the tests)."""

STRONG = """Dear Ms. Patel,

Thank you for meeting with me on Tuesday about the Data Analyst role at Brightwater Foods.
I enjoyed hearing about your plan to merge the regional sales dashboards into one weekly report.

At Harbor Goods I rebuilt our month-end reporting in SQL and cut the close from 8 days to 5.
I would bring the same approach to your backlog of unreconciled store accounts.

I also wanted to add to my answer about stakeholder reviews: I run a short demo every Friday
so that managers see changes before they land.

I am excited about the chance to join your analytics team. I will follow up next Friday if I
have not heard from you by then.

Best regards,
Sam Rivera
"""

TEMPLATE = """Dear [Interviewer Name],

Thank you for the opportunity to interview for the position at [Company Name]. I believe my
skills make me a great fit for the role.

I look forward to hearing from you.

Sincerely,
[Your Name]
"""


def note(body: str, greeting: str = "Dear Ms. Rivera,", signoff: str = "Best regards,") -> str:
    """A whole note around ``body``: salutation, blank lines, sign-off and signature."""
    return f"{greeting}\n\n{body}\n\n{signoff}\nJordan Lee\n"
