from django.contrib import admin

from coplan.organisations.models import Organisation, StaffMembership


class StaffMembershipInline(admin.TabularInline):
    model = StaffMembership
    autocomplete_fields = ["user"]
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    search_fields = ["name"]
    inlines = [StaffMembershipInline]
