using FluentAssertions;
using Katas.Adversarial.Kit;
using Katas.Dense.Kit;
using Katas.Kits;
using NUnit.Framework;

namespace Katas.Cli.Tests.Kits;

public sealed class ChoiceTests
{
    [Test]
    public void An_enum_is_written_on_the_command_line_as_its_members_in_lower_case_and_read_back_from_them()
    {
        Choice.Names(typeof(AttackMethod)).Should().Equal("sign", "fgsm", "pgd");
        Choice.NameOf(FromScratchStart.Centred).Should().Be("centred");
        Choice.Parse<AttackMethod>("fgsm").Should().Be(AttackMethod.Fgsm);
        Choice.Parse<VictimKind>("fashion").Should().Be(VictimKind.Fashion);
    }

    [Test]
    public void Two_choices_read_as_either_or_and_more_as_one_of()
    {
        Choice.Listed(typeof(VictimKind)).Should().Be("pets or fashion");
        Choice.Listed(typeof(AttackMethod)).Should().Be("one of sign, fgsm, pgd");
    }

    [TestCase("PGD")]
    [TestCase("2")]
    [TestCase("")]
    public void Only_a_members_command_line_name_is_a_choice_not_another_case_or_its_number(string text)
    {
        Choice.IsOneOf(typeof(AttackMethod), text).Should().BeFalse();
        Action parse = () => Choice.Parse<AttackMethod>(text);
        parse.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*must be one of sign, fgsm, pgd*");
    }

    [Test]
    public void A_choice_attribute_takes_only_an_enum()
    {
        Action attribute = () => _ = new OneOfAttribute(typeof(string));
        attribute.Should().Throw<ArgumentException>().WithMessage("String is not an enum.*");
    }
}
