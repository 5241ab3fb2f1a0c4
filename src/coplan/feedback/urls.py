from django.urls import path

from coplan.feedback.views import (
    answering,
    forms,
    overview,
    reflection,
    results,
    you_said_we_did,
)

app_name = "feedback"

HOME = "projects/<int:project_id>/feedback/"
FORM = HOME + "forms/<int:form_id>/"
THEMES = "projects/<int:project_id>/you-said-we-did/"
THEME = THEMES + "<int:entry_id>/"
REFLECTIONS = "projects/<int:project_id>/reflections/"
REFLECTION = REFLECTIONS + "<int:reflection_id>/"
LESSONS = "projects/<int:project_id>/lessons/"
ANSWER = "feedback/<str:token>/"

urlpatterns = [
    path(HOME, overview.home, name="home"),
    path(HOME + "give/", overview.give, name="give"),
    # Feedback forms
    path(HOME + "forms/", forms.forms, name="forms"),
    path(HOME + "forms/add/", forms.form_add, name="form_add"),
    path(FORM, forms.form, name="form"),
    path(FORM + "change/", forms.form_edit, name="form_edit"),
    path(FORM + "remove/", forms.form_remove, name="form_remove"),
    path(FORM + "questions/add/", forms.question_add, name="question_add"),
    path(
        FORM + "questions/<int:feedback_question_id>/remove/",
        forms.question_remove,
        name="question_remove",
    ),
    path(FORM + "new-link/", forms.link_renew, name="link_renew"),
    path(FORM + "one-time-links/", forms.one_time_links, name="one_time_links"),
    path(FORM + "print/", forms.form_pdf, name="form_pdf"),
    path(FORM + "print/easy-read/", forms.form_pdf_easy_read, name="form_pdf_easy_read"),
    path(FORM + "qr-code.svg", forms.form_qr, name="form_qr"),
    path(FORM + "type-in/", forms.paper, name="paper"),
    path(FORM + "results/", results.results, name="results"),
    path(FORM + "results/<int:feedback_question_id>/", results.results_words, name="results_words"),
    path(FORM + "results.csv", results.results_csv_download, name="results_csv"),
    # You said, we did
    path(THEMES, you_said_we_did.you_said_we_did, name="you_said_we_did"),
    path(THEMES + "add/", you_said_we_did.theme_add, name="theme_add"),
    path(THEME + "change/", you_said_we_did.theme_edit, name="theme_edit"),
    path(THEME + "publish/", you_said_we_did.theme_publish, name="theme_publish"),
    path(THEME + "remove/", you_said_we_did.theme_remove, name="theme_remove"),
    path(THEMES + "send/", you_said_we_did.send, name="send"),
    path(THEMES + "letters.pdf", you_said_we_did.letters, name="letters"),
    path(THEMES + "send/easy-read/", you_said_we_did.easy_read, name="easy_read"),
    path(
        THEMES + "send/easy-read/approve/",
        you_said_we_did.easy_read_approve,
        name="easy_read_approve",
    ),
    path(
        THEMES + "send/easy-read/lines/<int:line_number>/",
        you_said_we_did.easy_read_line,
        name="easy_read_line",
    ),
    path(THEMES + "send/easy-read/print/", you_said_we_did.easy_read_pdf, name="easy_read_pdf"),
    # Self-reflection and lessons
    path(REFLECTIONS, reflection.reflections, name="reflections"),
    path(REFLECTIONS + "add/", reflection.reflection_add, name="reflection_add"),
    path(REFLECTION, reflection.reflection, name="reflection"),
    path(REFLECTION + "change/", reflection.reflection_edit, name="reflection_edit"),
    path(REFLECTION + "share/", reflection.reflection_share, name="reflection_share"),
    path(REFLECTION + "remove/", reflection.reflection_remove, name="reflection_remove"),
    path(LESSONS, reflection.lessons, name="lessons"),
    path(LESSONS + "add/", reflection.lesson_add, name="lesson_add"),
    path(LESSONS + "<int:lesson_id>/remove/", reflection.lesson_remove, name="lesson_remove"),
    path("lessons/", reflection.organisation_lessons, name="organisation_lessons"),
    # Filling in a form by its link: nothing but the form
    path("feedback/thank-you/", answering.answer_thanks, name="answer_thanks"),
    path(ANSWER, answering.answer_start, name="answer_start"),
    path(ANSWER + "form/", answering.answer_standard, name="answer_standard"),
    path(ANSWER + "easy-read/", answering.answer_easy_read, name="answer_easy_read"),
]
