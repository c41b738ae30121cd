"""A scripted asker: drives the walk without a terminal."""

from goedgenoeg.walk import Reply


class ScriptedAsker:
    """Answers from a dict of prompt key -> value; a key mapped to a list of Replies plays
    those replies in turn (for back, skip, later, overview, stop). Unknown prompts: skip."""

    def __init__(self, answers=None, script=None, review=None, overview=None, full=False):
        self.answers = dict(answers or {})
        self.script = {k: list(v) for k, v in (script or {}).items()}
        self.review_choices = list(review or [])
        self.overview_choices = list(overview or [])
        self.asked = []  # keys in the order they were asked
        self.previous = {}  # key -> previous Answer shown when asked
        self.full = full  # accept the offer of the full path at the end of the short one
        self.offers = []  # (prompts, minutes) of every offer made

    def ask(self, step, position, previous):
        self.asked.append(step.key)
        self.previous[step.key] = previous
        queue = self.script.get(step.key)
        if queue:
            return queue.pop(0)
        if step.key in self.answers:
            return Reply("answer", self.answers[step.key])
        return Reply("skip")

    def overview(self, sections):
        self.sections_seen = sections
        return self.overview_choices.pop(0) if self.overview_choices else None

    def review(self, open_points, answers):
        self.open_seen = [s.key for _, s in open_points]
        return self.review_choices.pop(0) if self.review_choices else None

    def offer_full(self, prompts, minutes):
        self.offers.append((prompts, minutes))
        return self.full

    def privacy_review(self, findings):
        self.privacy_seen = [(s.key, [f.kind for f in hits]) for _, s, hits in findings]
        return None

    def begin(self, reflection):
        self.reflection = reflection

    def steps_done(self, rows):
        return [], []  # not asked: a scripted follow-up keeps every earlier step

    def save_failed(self, err):
        return False  # stop: the earlier answers are on disk


CONTEXT_FLANDERS_BABY = {
    "context.case": "GG-001",
    "context.decision": "placement",
    "context.age": "under-1",
    "context.region": "flanders",
    "context.who": "alone",
    "context.role": "consulent",
}
