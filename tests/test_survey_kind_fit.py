"""Which papers a kind theme holds, on real seed papers (branch h30).

A paper whose abstract reports that a method it names itself beats others is a method paper, however much it also
studies ('we propose a novel framework, Contrastive Unlikelihood Training (CUT) ... CUT can beat the 175B DaVinci003'):
it is no member of 'Empirical studies of X'. A study's wins belong to what it studies, which it did not name first.
A survey or review article is no empirical study either; two of them form 'Surveys of X', and beside studies
'Studies and surveys of X'. And the eval's theme-fit
check (evals/theme_fit.py) finds a paper under a title it never uses and a method paper under a study title.
"""

from __future__ import annotations

from reviewer.models import Paper
from reviewer.survey.fit import fits
from reviewer.survey.kinds import contribution_kind, is_survey_text, paper_kind
from reviewer.survey.regroup import regroup
from reviewer.survey.types import Section

# Studies by title or by their sentences, each reporting a win for a method it names itself.
_OWN_WINS = ("reasons2023reject", "comparingbad", "preferencefree", "advancingtool", "far2023agents")
# Studies whose wins belong to others' names or to no name ('a simple linear probe ... outperforms', 'medical LLMs
# only outperform their base models', 'a new state-of-the-art PRM').
_STUDIES = ("chanpredict", "medicaladaptation", "lessonsdeveloping", "1bsurpass", "preferencealgorithms")


def test_a_paper_whose_own_named_method_wins_is_a_method(seed_papers: dict[str, Paper]) -> None:
    for key in _OWN_WINS:
        assert contribution_kind(seed_papers[key].title, seed_papers[key].abstract) == "method", key
    for key in _STUDIES:
        assert contribution_kind(seed_papers[key].title, seed_papers[key].abstract) == "study", key


def test_a_study_title_holds_neither_methods_nor_surveys(seed_papers: dict[str, Paper]) -> None:
    title = "Empirical studies of preference optimization"
    ignore = {"prefer", "optim"}
    assert fits(title, seed_papers["preferencealgorithms"], ignore)
    assert not fits(title, seed_papers["comparingbad"], ignore)  # DOVE, a preference objective that wins over DPO
    assert not fits(title, seed_papers["inversereinforcement"], ignore)  # 'This paper provides a comprehensive review'
    assert is_survey_text(seed_papers["inversereinforcement"].title, seed_papers["inversereinforcement"].abstract)
    assert not is_survey_text(seed_papers["preferencealgorithms"].title, seed_papers["preferencealgorithms"].abstract)


def test_loose_surveys_form_a_survey_theme_and_join_studies_under_a_title_true_of_both(
        seed_papers: dict[str, Paper]) -> None:
    """Two survey articles left over in a survey of RL for language models form 'Surveys of ...', which holds no
    method; beside a loose study they form 'Studies and surveys of ...' with it, and a method stays loose."""
    topic, ignore = "reinforcement learning for large language models", {"reinforc", "learn", "languag", "model"}
    assert [paper_kind(seed_papers[k].title, seed_papers[k].abstract) for k in
            ("technicalsurvey", "reasoningsurvey", "preferencealgorithms", "stepdpo")] == ["survey", "survey", "study",
                                                                                           "method"]
    sections: list[Section] = []
    out, left = regroup(["technicalsurvey", "reasoningsurvey", "stepdpo"], sections, seed_papers,
                        "reinforcement learning", topic, ignore, lambda s: None)
    surveys = [s for s in out if s.title.startswith("Surveys of")]
    assert len(surveys) == 1 and sorted(surveys[0].keys) == ["reasoningsurvey", "technicalsurvey"], out
    assert not fits(surveys[0].title, seed_papers["preferencealgorithms"], set())
    sections = []
    out, left = regroup(["technicalsurvey", "preferencealgorithms", "stepdpo"], sections, seed_papers,
                        "reinforcement learning", topic, ignore, lambda s: None)
    both = [s for s in out if s.title.startswith("Studies and surveys of")]
    assert len(both) == 1 and sorted(both[0].keys) == ["preferencealgorithms", "technicalsurvey"], out
    assert "stepdpo" not in both[0].keys and not fits(both[0].title, seed_papers["stepdpo"], set())


def test_the_theme_fit_check_finds_unused_words_and_wrong_kinds(seed_papers: dict[str, Paper]) -> None:
    from evals.theme_fit import Corpus, verdict

    corpus = Corpus({k: (p.title, p.abstract) for k, p in seed_papers.items()})

    def why(title: str, key: str, topic: str = "preference optimization") -> str:
        return verdict(title, topic, seed_papers[key].title, seed_papers[key].abstract, corpus)

    assert why("Empirical studies of preference optimization", "comparingbad") == "not a study"  # 'we ... propose'
    assert why("Empirical studies of preference optimization", "preferencealgorithms") == ""
    assert why("Empirical studies of alignment", "inversereinforcement", "alignment") == "not a study"
    assert why("Surveys of alignment", "inversereinforcement", "alignment") == ""
    # DOVE's paper never says 'Monte Carlo tree search'; Step-DPO's 'mathematical' and 'step' are forms of the title's words.
    assert why("Monte Carlo tree search for alignment", "comparingbad").startswith("word")
    assert why("Reasoning steps in mathematics", "stepdpo") == ""
    assert why("Step-level preference optimization", "stepdpo") == "word “level”"


def test_a_loose_survey_turns_a_study_theme_into_studies_and_surveys(seed_papers: dict[str, Paper]) -> None:
    """A survey article left over beside an 'Empirical studies of X' theme joins it, and the theme is retitled so
    its title is true of both kinds; a loose method does not join."""
    topic, ignore = "reinforcement learning for large language models", {"reinforc", "learn", "languag", "model"}
    studies = Section(title="Empirical studies of reinforcement learning", scope="",
                      keys=["preferencealgorithms", "medicaladaptation"])
    out, left = regroup(["technicalsurvey", "stepdpo"], [studies], seed_papers, "reinforcement learning", topic, ignore,
                        lambda s: None)
    both = next(s for s in out if s.keys[:2] == ["preferencealgorithms", "medicaladaptation"])
    assert both.title == "Studies and surveys of reinforcement learning", out
    assert "technicalsurvey" in both.keys and "technicalsurvey" not in left
    assert "stepdpo" not in both.keys


def test_a_studies_and_surveys_title_cuts_its_head_to_eight_words() -> None:
    from reviewer.survey.kinds import kind_title

    for head in ("tree search over reasoning steps", "test-time scaling of LLM reasoning in vision-language models"):
        title = kind_title("study+survey", head)
        assert len(title.split()) <= 8 and title.startswith("Studies and surveys of "), title
        assert head.startswith(title.removeprefix("Studies and surveys of ")), title
    assert kind_title("study+survey", "small language models") == "Studies and surveys of small language models"


def test_empirical_studies_beside_studies_and_surveys_of_the_same_head_are_one_theme(
        seed_papers: dict[str, Paper]) -> None:
    topic, ignore = "reinforcement learning for large language models", {"reinforc", "learn", "languag", "model"}
    studies = Section(title="Empirical studies of reinforcement learning", scope="",
                      keys=["preferencealgorithms", "medicaladaptation"])
    both = Section(title="Studies and surveys of reinforcement learning", scope="", keys=["technicalsurvey", "1bsurpass"])
    out, _ = regroup([], [studies, both], seed_papers, "reinforcement learning", topic, ignore, lambda s: None)
    assert [s.title for s in out] == ["Studies and surveys of reinforcement learning"], out
    assert sorted(out[0].keys) == ["1bsurpass", "medicaladaptation", "preferencealgorithms", "technicalsurvey"]
