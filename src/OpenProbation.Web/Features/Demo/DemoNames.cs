namespace OpenProbation.Web.Features.Demo;

/// <summary>Word lists for synthetic people and staff. Invented combinations; any likeness to a real person is chance.</summary>
internal static class DemoNames
{
    public static readonly string[] MaleFirst =
    [
        "Aaron", "Adam", "Ahmed", "Alan", "Ali", "Andrew", "Anthony", "Ashley", "Ben", "Bradley", "Callum", "Carl", "Chris", "Connor",
        "Craig", "Daniel", "Darren", "David", "Dean", "Declan", "Dwayne", "Ethan", "Gary", "Harry", "Imran", "Jack", "Jake", "James",
        "Jamal", "Jason", "Jermaine", "Joe", "John", "Jordan", "Josh", "Kieran", "Kyle", "Lee", "Leon", "Liam", "Luke", "Marcus", "Mark",
        "Martin", "Matthew", "Michael", "Mohammed", "Nathan", "Neil", "Paul", "Peter", "Reece", "Richard", "Robert", "Ryan", "Sam",
        "Scott", "Sean", "Shane", "Simon", "Stephen", "Steven", "Stuart", "Tariq", "Thomas", "Tom", "Tyler", "Usman", "Wayne", "Zak",
    ];

    public static readonly string[] FemaleFirst =
    [
        "Aisha", "Amy", "Amanda", "Angela", "Bethany", "Carly", "Charlotte", "Chelsea", "Claire", "Danielle", "Donna", "Emma", "Gemma",
        "Hannah", "Jade", "Jasmine", "Jennifer", "Jessica", "Joanne", "Karen", "Kayleigh", "Kelly", "Kirsty", "Laura", "Leanne", "Lisa",
        "Louise", "Lucy", "Megan", "Michelle", "Natalie", "Nicola", "Rachel", "Rebecca", "Samantha", "Sarah", "Shannon", "Sophie",
        "Stacey", "Tanya", "Tracey", "Victoria", "Yasmin", "Zara",
    ];

    public static readonly string[] Last =
    [
        "Adams", "Ahmed", "Ali", "Allen", "Anderson", "Bailey", "Baker", "Barnes", "Begum", "Bell", "Bennett", "Bibi", "Brown", "Butler",
        "Campbell", "Carter", "Clarke", "Collins", "Cook", "Cooper", "Cox", "Davies", "Davis", "Dixon", "Edwards", "Ellis", "Evans",
        "Fisher", "Foster", "Francis", "Gill", "Graham", "Grant", "Gray", "Green", "Griffiths", "Hall", "Harris", "Harrison", "Hart",
        "Hill", "Holmes", "Hughes", "Hunt", "Hussain", "Jackson", "James", "Jenkins", "Johnson", "Jones", "Kaur", "Kelly", "Khan", "King",
        "Knight", "Lee", "Lewis", "Lloyd", "Marshall", "Martin", "Mason", "Matthews", "Miller", "Mills", "Mitchell", "Moore", "Morgan",
        "Morris", "Murphy", "Owen", "Palmer", "Parker", "Patel", "Phillips", "Powell", "Price", "Richards", "Richardson", "Roberts",
        "Robinson", "Rogers", "Russell", "Saunders", "Scott", "Shaw", "Simpson", "Singh", "Smith", "Stevens", "Stewart", "Taylor",
        "Thomas", "Thompson", "Turner", "Walker", "Ward", "Watson", "Webb", "White", "Wilkinson", "Williams", "Wilson", "Wood", "Wright",
        "Young",
    ];

    public static readonly string[] Streets =
    [
        "Albert", "Alcester", "Bristol", "Bromford", "Chester", "Church", "Coventry", "Dudley", "Elm", "Foleshill", "Grange", "Green",
        "Hamstead", "High", "Holly", "Kings", "Lichfield", "Linden", "Mill", "Moat", "Oak", "Park", "Perry", "Queens", "Station", "Stafford",
        "Tame", "Victoria", "Walsall", "Warwick", "Well", "Willow", "Windsor", "Wolverhampton", "York",
    ];

    public static readonly string[] StreetKinds = ["Road", "Street", "Lane", "Avenue", "Close", "Drive", "Way", "Grove", "Crescent"];

    public static readonly string[] Offences =
    [
        "Theft from a shop", "Burglary (dwelling)", "Possession of a controlled drug with intent to supply", "Common assault",
        "Assault occasioning actual bodily harm", "Criminal damage", "Driving while disqualified", "Drink driving",
        "Possession of an offensive weapon", "Fraud by false representation", "Robbery", "Handling stolen goods",
        "Public order offence (section 4)", "Affray", "Breach of a restraining order", "Dangerous driving", "Harassment",
    ];

    public static readonly string[] DomesticAbuseOffences =
    [
        "Assault occasioning actual bodily harm (domestic)", "Controlling or coercive behaviour", "Common assault (domestic)",
        "Breach of a non-molestation order", "Stalking involving fear of violence",
    ];

    public static readonly string[] SexualOffences =
    [
        "Sexual assault", "Possession of indecent images of children", "Exposure", "Sexual communication with a child",
    ];

    public static readonly string[] OtherMarkers =
    [
        "Gang affiliation", "Hate crime", "Armed forces veteran", "Serious organised crime", "Weapons", "Arson history",
    ];

    public static readonly string[] Programmes = ["Thinking Skills Programme", "Resolve", "Building Choices", "Becoming New Me+"];
}
